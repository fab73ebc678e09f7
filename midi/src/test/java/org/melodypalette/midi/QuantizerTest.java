package org.melodypalette.midi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.melodypalette.midi.Smf.file;
import static org.melodypalette.midi.Smf.noteOff;
import static org.melodypalette.midi.Smf.noteOn;
import static org.melodypalette.midi.Smf.tempo;
import static org.melodypalette.midi.Smf.timeSignature;
import static org.melodypalette.midi.Smf.track;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.melodypalette.music.Metre;
import org.melodypalette.music.Note;
import org.melodypalette.music.PianoRoll;
import org.melodypalette.music.TimeGrid;

class QuantizerTest {

    private static final TickGrid SIXTEENTHS = new TickGrid(480, 4, 0);

    private static MidiNote tickNote(int pitch, long start, long end) {
        return new MidiNote(0, pitch, 100, start, end);
    }

    @Test
    void snapsStartsAndEndsAndGivesShortNotesOneStep() {
        List<Note> notes = Quantizer.snap(List.of(
                tickNote(60, 10, 250), tickNote(62, 250, 260), tickNote(64, 470, 470)), SIXTEENTHS);

        assertThat(notes).containsExactly(Note.of(60, 0, 2), Note.of(62, 2, 3), Note.of(64, 4, 5));
    }

    @Test
    void sameStepSamePitchNotesMergeAndLaterOnesCutEarlierOnes() {
        List<Note> notes = Quantizer.snap(List.of(
                new MidiNote(0, 60, 90, 0, 240), new MidiNote(1, 60, 50, 10, 600),
                new MidiNote(0, 67, 80, 0, 960), new MidiNote(0, 67, 70, 480, 720)), SIXTEENTHS);

        assertThat(notes).containsExactly(new Note(60, 90, 0, 5), new Note(67, 80, 0, 4), new Note(67, 70, 4, 6));
    }

    @Test
    void theGridHasTheFirstTempoAndMetreAndWholeBars() throws Exception {
        MidiSong song = MidiFiles.read(file(1, 480,
                track(tempo(0, 400_000), timeSignature(0, 3, 2), tempo(960, 500_000), timeSignature(1920, 4, 2)),
                track(noteOn(0, 0, 60, 100), noteOff(1500, 0, 60))), "grid.mid");

        QuantizedTrack quantized = Quantizer.quantize(song, TrackSelector.byIndex(1), QuantizeOptions.DEFAULT);

        assertThat(quantized.roll()).isEqualTo(new PianoRoll(new TimeGrid(4, 3, 4, 150.0), 24,
                List.of(Note.of(60, 0, 13))));
    }

    @Test
    void theMetreCanBeOverridden() throws Exception {
        MidiSong song = MidiFiles.read(file(1, 480, track(timeSignature(0, 1, 2), noteOn(0, 0, 60, 100),
                noteOff(480, 0, 60))), "pop.mid");

        QuantizedTrack quantized = Quantizer.quantize(song, TrackSelector.byIndex(0),
                QuantizeOptions.DEFAULT.withMetre(Metre.FOUR_FOUR));

        assertThat(quantized.roll().grid().metre()).isEqualTo(Metre.FOUR_FOUR);
        assertThat(quantized.roll().lengthSteps()).isEqualTo(16);
    }

    @Test
    void theTrackEndCountsTowardsTheLength() throws Exception {
        MidiSong song = MidiFiles.read(file(1, 480, Smf.chunk("MTrk", Smf.concat(
                noteOn(0, 0, 60, 100), noteOff(480, 0, 60), Smf.endOfTrack(1920 * 2 - 480)))), "tail.mid");

        assertThat(Quantizer.quantize(song, TrackSelector.byIndex(0), QuantizeOptions.DEFAULT).roll().lengthSteps())
                .isEqualTo(32);
    }

    @Test
    void fixedAndEstimatedOffsetsShiftTheGrid() throws Exception {
        MidiSong song = MidiFiles.read(file(1, 480, track(
                noteOn(40, 0, 60, 100), noteOff(240, 0, 60), noteOn(0, 0, 62, 100), noteOff(120, 0, 62))), "shift.mid");

        QuantizedTrack raw = Quantizer.quantize(song, TrackSelector.byIndex(0), QuantizeOptions.DEFAULT);
        QuantizedTrack estimated = Quantizer.quantize(song, TrackSelector.byIndex(0),
                QuantizeOptions.DEFAULT.withEstimatedOffset());
        QuantizedTrack fixed = Quantizer.quantize(song, TrackSelector.byIndex(0),
                QuantizeOptions.DEFAULT.withFixedOffset(40));

        assertThat(raw.onGridShare()).isZero();
        assertThat(raw.roll().notes()).containsExactly(Note.of(60, 0, 2), Note.of(62, 2, 3));
        assertThat(estimated.tickGrid().offsetTicks()).isEqualTo(40);
        assertThat(estimated.onGridShare()).isEqualTo(1.0);
        assertThat(estimated.roll().notes()).containsExactly(Note.of(60, 0, 2), Note.of(62, 2, 3));
        assertThat(fixed).isEqualTo(estimated);
    }

    @Test
    void aMetreThatDoesNotFitTheGridIsReportedWithTheFile() throws Exception {
        MidiSong song = MidiFiles.read(file(1, 480, track(timeSignature(0, 7, 5), noteOn(0, 0, 60, 100),
                noteOff(480, 0, 60))), "odd.mid");

        assertThatThrownBy(() -> Quantizer.quantize(song, TrackSelector.byIndex(0), QuantizeOptions.DEFAULT))
                .isInstanceOf(MidiFormatException.class)
                .hasMessage("odd.mid: cannot make a step grid: a 7/32 bar is not a whole number of steps at 4 steps"
                        + " per quarter (override the metre to quantize anyway)");
    }

    @Test
    void optionsRejectNonsense() {
        assertThatThrownBy(() -> QuantizeOptions.DEFAULT.withStepsPerQuarter(0))
                .hasMessage("stepsPerQuarter 0 is outside 1..96");
        assertThatThrownBy(() -> new QuantizeOptions(4, QuantizeOptions.OffsetMode.NONE, 5, null))
                .hasMessage("fixedOffsetTicks 5 is only meaningful with FIXED");
    }
}
