package org.melodypalette.midi;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * MIDI import of any bytes: {@link MidiFiles#read(byte[], String)}, then melody extraction as the
 * workbench and the dataset builder do it. Everything either works or fails with one
 * {@link MidiFormatException} naming the source, found by our own checks (a problem starting
 * "corrupt MIDI data" means javax.sound.midi or our reader threw something the checks missed).
 *
 * <p>Under {@code ./mvnw verify} this runs the committed inputs in
 * {@code src/test/resources/org/melodypalette/midi/MidiFilesFuzzTestInputs/readAnyBytes}; with
 * {@code JAZZER_FUZZ=1} it fuzzes (see docs/RELIABILITY.md).
 */
class MidiFilesFuzzTest {

    private static final String SOURCE = "fuzz.mid";

    @FuzzTest(maxDuration = "10m")
    void readAnyBytes(byte[] data) {
        MidiSong song;
        try {
            song = MidiFiles.read(data, SOURCE);
        } catch (MidiFormatException e) {
            assertCleanRefusal(e);
            return;
        }
        assertThat(song.tracks()).isNotEmpty();
        for (QuantizeOptions options : new QuantizeOptions[] {QuantizeOptions.DEFAULT,
                QuantizeOptions.DEFAULT.withEstimatedOffset()}) {
            try {
                ExtractedMelody extracted = MelodyExtraction.extract(song, TrackSelector.auto(), options);
                assertThat(extracted.melody().lengthSteps()).isPositive();
            } catch (MidiFormatException e) {
                assertCleanRefusal(e);
            }
        }
    }

    private static void assertCleanRefusal(MidiFormatException e) {
        assertThat(e.getMessage()).startsWith(SOURCE + ": ");
        assertThat(e.problem()).doesNotStartWith("corrupt MIDI data");
    }
}
