package org.melodypalette.datasets;

import java.util.ArrayList;
import java.util.List;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;

/**
 * Cuts a melody into training windows, as Magenta's melody pipeline does: split into phrases at
 * silences of at least {@code gapBars} bars, start each phrase at the bar line before its first
 * note, then slide a window of {@code bars} bars over each phrase one bar at a time. Pure.
 */
public final class MelodyWindows {

    /** Why a window was not kept; counted in the build summary. */
    public enum Drop { MOSTLY_SILENT, PITCH_OUT_OF_RANGE }

    /** A window that passed the filters, or the reason it did not. */
    public record Cut(Melody window, Drop dropped) {
    }

    private final int bars;
    private final int gapBars;
    private final double maxSilentFraction;
    private final int minPitch;
    private final int maxPitch;

    /**
     * @param bars              bars per window
     * @param gapBars           a silence of at least this many bars splits phrases
     * @param maxSilentFraction windows with a larger share of steps where nothing sounds are dropped
     * @param minPitch          lowest pitch the model's vocabulary has
     * @param maxPitch          highest pitch the model's vocabulary has
     */
    public MelodyWindows(int bars, int gapBars, double maxSilentFraction, int minPitch, int maxPitch) {
        if (bars < 1 || gapBars < 1) {
            throw new IllegalArgumentException("bars " + bars + " and gapBars " + gapBars + " must be positive");
        }
        if (!(maxSilentFraction >= 0 && maxSilentFraction <= 1)) {
            throw new IllegalArgumentException("maxSilentFraction " + maxSilentFraction + " is outside 0..1");
        }
        this.bars = bars;
        this.gapBars = gapBars;
        this.maxSilentFraction = maxSilentFraction;
        this.minPitch = minPitch;
        this.maxPitch = maxPitch;
    }

    /** Every window of the melody, in order, each kept or marked with why it was dropped. */
    public List<Cut> cut(Melody melody) {
        List<Cut> cuts = new ArrayList<>();
        for (Melody phrase : phrases(melody)) {
            int stepsPerBar = phrase.grid().stepsPerBar();
            for (int bar = 0; bar + bars <= phrase.bars(); bar++) {
                Melody window = phrase.slice(bar * stepsPerBar, (bar + bars) * stepsPerBar);
                cuts.add(new Cut(window, judge(window)));
            }
        }
        return cuts;
    }

    /**
     * Phrases separated by silences of at least {@code gapBars} bars; each starts at the bar line
     * at or before its first note and ends at the bar line at or after its last note.
     */
    List<Melody> phrases(Melody melody) {
        int stepsPerBar = melody.grid().stepsPerBar();
        int gapSteps = gapBars * stepsPerBar;
        List<Melody> phrases = new ArrayList<>();
        List<Note> notes = melody.notes();
        int first = 0;
        for (int i = 1; i <= notes.size(); i++) {
            boolean split = i == notes.size()
                    || notes.get(i).startStep() - notes.get(i - 1).endStep() >= gapSteps;
            if (split && i > first) {
                int start = Math.floorDiv(notes.get(first).startStep(), stepsPerBar) * stepsPerBar;
                int end = Math.min(melody.lengthSteps(),
                        ceilDiv(notes.get(i - 1).endStep(), stepsPerBar) * stepsPerBar);
                phrases.add(melody.slice(start, end));
                first = i;
            }
        }
        return phrases;
    }

    private Drop judge(Melody window) {
        int sounding = 0;
        for (Note n : window.notes()) {
            if (n.pitch() < minPitch || n.pitch() > maxPitch) {
                return Drop.PITCH_OUT_OF_RANGE;
            }
            sounding += n.lengthSteps();
        }
        double silent = 1.0 - (double) sounding / window.lengthSteps();
        return silent > maxSilentFraction ? Drop.MOSTLY_SILENT : null;
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
