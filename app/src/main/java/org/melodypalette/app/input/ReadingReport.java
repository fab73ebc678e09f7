package org.melodypalette.app.input;

import java.util.ArrayList;
import java.util.List;
import org.melodypalette.datasets.DatasetBuildOptions;
import org.melodypalette.music.Metre;
import org.melodypalette.music.Pitches;

/**
 * What reading a file's melody took and what it changed, so that nothing is reduced silently.
 *
 * @param source             the file, as messages name it
 * @param track              the track's name, or "track N" when it has none
 * @param fromBar            first bar read, from 1, in the file's bars
 * @param bars               bars read
 * @param firstNoteBar       the bar of the track's first note, from 1
 * @param fromFirstNote      whether {@code fromBar} was chosen as the first bar with a note
 * @param notes              notes in the melody read
 * @param chordNotesDropped  notes of the window dropped by keeping the top line of chords
 * @param foldedDown         notes above {@code maxPitch} moved down by octaves
 * @param foldedUp           notes below {@code minPitch} moved up by octaves
 * @param mostOctavesFolded  the largest octave move among the folded notes (0 when none moved)
 * @param minPitch           lowest pitch of the range read into
 * @param maxPitch           highest pitch of the range read into
 * @param metre              the file's metre (the grid's)
 * @param qpm                the file's first tempo, which outputs keep
 * @param unusedBars         bars read that lie past the steps the model takes (cut by it)
 */
public record ReadingReport(String source, String track, int fromBar, int bars, int firstNoteBar,
                            boolean fromFirstNote, int notes, int chordNotesDropped, int foldedDown, int foldedUp,
                            int mostOctavesFolded, int minPitch, int maxPitch, Metre metre, double qpm,
                            int unusedBars) {

    /** Steps per 4/4 bar of 16ths: the bar every model counts in. */
    static final int MODEL_STEPS_PER_BAR = DatasetBuildOptions.STEPS_PER_BAR;

    public ReadingReport {
        if (source == null || track == null || metre == null) {
            throw new IllegalArgumentException("source, track and metre are required");
        }
        if (fromBar < 1 || bars < 1 || firstNoteBar < 1) {
            throw new IllegalArgumentException("bars count from 1: from " + fromBar + ", " + bars
                    + " bars, first note in bar " + firstNoteBar);
        }
        if (notes < 0 || chordNotesDropped < 0 || foldedDown < 0 || foldedUp < 0 || mostOctavesFolded < 0
                || unusedBars < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** "bars 9–10" (or "bar 9"). */
    public String barRange() {
        return bars == 1 ? "bar " + fromBar : "bars " + fromBar + "–" + (fromBar + bars - 1);
    }

    /** Whether the melody read has no note at all. */
    public boolean isEmpty() {
        return notes == 0;
    }

    /** The sentence (without the source) saying that the bars read hold no note. */
    public String emptyProblem() {
        return "no notes in " + barRange() + " of " + track + " (its first note is in bar " + firstNoteBar + ")";
    }

    /** Whether the file's bars do not line up with the models' 4/4 bars (3/4, 6/8, 5/4 …; not 2/4 or 2/2). */
    public boolean metreDiffersFromModels() {
        int stepsPerBar = (int) Math.round(metre.quartersPerBar() * 4);
        return stepsPerBar % MODEL_STEPS_PER_BAR != 0 && MODEL_STEPS_PER_BAR % stepsPerBar != 0;
    }

    /**
     * One plain sentence per thing a user should know: where reading started when it is not bar 1,
     * then the {@link #reductions}. Empty when the melody was read from bar 1 as it is.
     */
    public List<String> announcements() {
        List<String> lines = new ArrayList<>();
        if (fromBar != 1) {
            lines.add("reading " + barRange() + " of " + track
                    + (fromFirstNote ? " (the melody starts in bar " + fromBar + ")" : ""));
        }
        lines.addAll(reductions());
        return lines;
    }

    /** What reading changed in the music: chords, folded notes, metre, bars the model does not take. */
    public List<String> reductions() {
        List<String> lines = new ArrayList<>();
        if (chordNotesDropped > 0) {
            lines.add("chords → top line: " + Plural.count(chordNotesDropped, "note") + " dropped");
        }
        if (foldedDown > 0) {
            lines.add(Plural.count(foldedDown, "note") + " above " + Pitches.name(maxPitch) + " folded down "
                    + octaves());
        }
        if (foldedUp > 0) {
            lines.add(Plural.count(foldedUp, "note") + " below " + Pitches.name(minPitch) + " folded up " + octaves());
        }
        if (metreDiffersFromModels()) {
            lines.add("in " + metre + ": the models work in 4/4, so it is read as a stream of sixteenths "
                    + "(its bar lines fall inside 4/4 bars) and what the model makes of it is in 4/4");
        }
        if (unusedBars > 0) {
            lines.add("the model takes fewer bars: the last " + Plural.count(unusedBars, "bar") + " read "
                    + (unusedBars == 1 ? "is" : "are") + " not used");
        }
        return lines;
    }

    private String octaves() {
        return mostOctavesFolded == 1 ? "an octave" : "by up to " + mostOctavesFolded + " octaves";
    }
}
