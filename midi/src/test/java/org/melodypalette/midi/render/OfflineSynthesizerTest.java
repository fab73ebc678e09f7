package org.melodypalette.midi.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import javax.sound.midi.Instrument;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import org.junit.jupiter.api.Test;

/**
 * A General MIDI soundfont holds every program's samples; a render loads only the programs its
 * song plays, so a large soundfont costs memory for those few instruments, not for all of them.
 */
class OfflineSynthesizerTest {

    private static Soundbank generalMidiBank() throws Exception {
        Synthesizer synthesizer = MidiSystem.getSynthesizer();
        return synthesizer.getDefaultSoundbank();
    }

    @Test
    void onlyTheInstrumentsOfTheProgramsPlayedAreLoaded() throws Exception {
        Soundbank bank = generalMidiBank();
        assertThat(bank.getInstruments().length).as("a General MIDI bank").isGreaterThan(100);

        try (OfflineSynthesizer synthesizer = OfflineSynthesizer.open(WavRenderer.FORMAT, bank, Set.of(0, 40))) {
            Instrument[] loaded = synthesizer.loadedInstruments();

            assertThat(loaded).isNotEmpty().hasSizeLessThan(5);
            assertThat(Arrays.stream(loaded).map(i -> i.getPatch().getProgram()).distinct())
                    .containsExactlyInAnyOrder(0, 40);
        }
    }

    @Test
    void aSoundfontWithoutThoseProgramsIsLoadedWhole() throws Exception {
        Soundbank bank = generalMidiBank();

        try (OfflineSynthesizer synthesizer = OfflineSynthesizer.open(WavRenderer.FORMAT, bank, Set.of(200))) {
            assertThat(synthesizer.loadedInstruments()).hasSameSizeAs(bank.getInstruments());
        }
    }
}
