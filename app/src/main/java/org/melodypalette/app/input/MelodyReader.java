package org.melodypalette.app.input;

import java.util.ArrayList;
import java.util.List;
import org.melodypalette.midi.MidiFormatException;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.midi.MidiTrack;
import org.melodypalette.midi.QuantizeOptions;
import org.melodypalette.midi.QuantizedTrack;
import org.melodypalette.midi.Quantizer;
import org.melodypalette.midi.TrackSelector;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.PianoRoll;
import org.melodypalette.music.Pitches;
import org.melodypalette.tokenizer.MelodyVocabulary;

/**
 * Reads the melody the CLI and the workbench work on from a song (pure; no IO): quantise the
 * chosen track, keep the top line of chords ({@link PianoRoll#toMelody}), cut the requested bars —
 * by default from the first bar with a note, since real songs often open with bars of silence —
 * and bring every note into the pitch range, reporting each of these reductions.
 */
public final class MelodyReader {

    private MelodyReader() {
    }

    /**
     * The requested bars of the selected track, on the file's grid, with its report. The melody may
     * be empty ({@link ReadingReport#isEmpty}); callers say so instead of using silence.
     *
     * @throws MidiFormatException naming the file: no such track or bar, a grid that cannot be made,
     *                             or (under {@link OutOfRange#REFUSE}) a note outside the range
     */
    public static MelodyReading read(MidiSong song, TrackSelector selector, QuantizeOptions options,
                                     ReadRequest request) throws MidiFormatException {
        QuantizedTrack quantized = Quantizer.quantize(song, selector, options);
        PianoRoll roll = quantized.roll();
        String track = describe(quantized.track());
        if (roll.isEmpty()) {
            throw new MidiFormatException(song.source(), track + " has no notes");
        }
        int stepsPerBar = roll.grid().stepsPerBar();
        int firstNoteBar = roll.notes().get(0).startStep() / stepsPerBar;
        int fromBar = request.fromBar() != null ? request.fromBar() - 1 : firstNoteBar;
        if (fromBar >= roll.bars()) {
            throw new MidiFormatException(song.source(), "it has only " + Plural.count(roll.bars(), "bar")
                    + "; bar " + (fromBar + 1) + " does not exist");
        }
        int bars = request.bars() != null ? request.bars()
                : request.steps() != null ? Math.max(1, ceilDiv(request.steps(), stepsPerBar))
                : roll.bars() - fromBar;
        int from = fromBar * stepsPerBar;
        int length = bars * stepsPerBar;
        int to = Math.min(roll.lengthSteps(), from + length);
        Melody topLine = roll.toMelody();
        Melody window = topLine.slice(from, to);
        int chordNotesDropped = onsetsIn(roll.notes(), from, to) - onsetsIn(topLine.notes(), from, to);

        MelodyVocabulary range = new MelodyVocabulary(request.minPitch(), request.maxPitch());
        List<Note> notes = new ArrayList<>(window.notes().size());
        int foldedDown = 0;
        int foldedUp = 0;
        int mostOctaves = 0;
        for (Note note : window.notes()) {
            int folded = range.octaveFold(note.pitch());
            if (folded != note.pitch() && request.outOfRange() == OutOfRange.REFUSE) {
                throw new MidiFormatException(song.source(), "the note " + Pitches.name(note.pitch()) + " in bar "
                        + (fromBar + 1 + note.startStep() / stepsPerBar) + " is outside the range "
                        + Pitches.name(range.minPitch()) + "–" + Pitches.name(range.maxPitch())
                        + "; --out-of-range fold moves such notes by octaves into it");
            }
            foldedDown += folded < note.pitch() ? 1 : 0;
            foldedUp += folded > note.pitch() ? 1 : 0;
            mostOctaves = Math.max(mostOctaves, Math.abs(folded - note.pitch()) / 12);
            notes.add(note.withPitch(folded));
        }
        Melody melody = new Melody(roll.grid(), length, notes);
        int unusedBars = request.steps() == null ? 0 : Math.max(0, length - request.steps()) / stepsPerBar;
        ReadingReport report = new ReadingReport(song.source(), track, fromBar + 1, bars, firstNoteBar + 1,
                request.fromBar() == null, notes.size(), chordNotesDropped, foldedDown, foldedUp, mostOctaves,
                range.minPitch(), range.maxPitch(), roll.grid().metre(), roll.grid().qpm(), unusedBars);
        return new MelodyReading(melody, report);
    }

    /** The bar (from 1) of the selected track's first note: where reading starts by default. */
    public static int firstNoteBar(MidiSong song, TrackSelector selector, QuantizeOptions options)
            throws MidiFormatException {
        PianoRoll roll = Quantizer.quantize(song, selector, options).roll();
        return roll.isEmpty() ? 1 : roll.notes().get(0).startStep() / roll.grid().stepsPerBar() + 1;
    }

    /** "track 'MELODY'", or "track 2" when it has no name. */
    private static String describe(MidiTrack track) {
        return track.name().isBlank() ? "track " + track.index() : "track '" + track.name() + "'";
    }

    private static int onsetsIn(List<Note> notes, int from, int to) {
        int count = 0;
        for (Note note : notes) {
            count += note.startStep() >= from && note.startStep() < to ? 1 : 0;
        }
        return count;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
