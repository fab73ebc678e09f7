package org.melodypalette.app.workbench.lane;

import java.util.ArrayList;
import java.util.List;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * The arrangement lane's content: clips played one after another, each starting on a bar line.
 * A clip takes {@code ceil(lengthSteps / stepsPerBar)} bars. Every clip shares the first clip's
 * step resolution and metre (so the lane is one melody on one grid); tempos may differ, the lane
 * plays and exports at one tempo. Immutable: every edit returns a new arrangement.
 */
public record Arrangement(List<Melody> clips) {

    /** Longest lane, in bars (a few minutes at any tempo; keeps a project file small). */
    public static final int MAX_BARS = 512;

    public static final Arrangement EMPTY = new Arrangement(List.of());

    public Arrangement {
        clips = List.copyOf(clips);
        int total = 0;
        for (Melody clip : clips) {
            String problem = clips.isEmpty() ? null : mismatch(clips.get(0), clip);
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
            total += barsOf(clip);
        }
        if (total > MAX_BARS) {
            throw new IllegalArgumentException("the lane would be " + total + " bars, more than " + MAX_BARS);
        }
    }

    /** Bars a clip takes in the lane: its length rounded up to whole bars. */
    public static int barsOf(Melody clip) {
        int perBar = clip.grid().stepsPerBar();
        return (clip.lengthSteps() + perBar - 1) / perBar;
    }

    /** Why {@code clip} cannot join this lane (a sentence), or null when it can. */
    public String refusal(Melody clip) {
        if (!clips.isEmpty()) {
            String problem = mismatch(clips.get(0), clip);
            if (problem != null) {
                return problem;
            }
        }
        if (bars() + barsOf(clip) > MAX_BARS) {
            return "the lane holds at most " + MAX_BARS + " bars";
        }
        return null;
    }

    public int size() {
        return clips.size();
    }

    public boolean isEmpty() {
        return clips.isEmpty();
    }

    /** Total length in bars. */
    public int bars() {
        return clips.stream().mapToInt(Arrangement::barsOf).sum();
    }

    /** The bar (from 0) where clip {@code index} starts; {@code size()} gives the lane's end. */
    public int startBar(int index) {
        int bar = 0;
        for (int i = 0; i < index; i++) {
            bar += barsOf(clips.get(i));
        }
        return bar;
    }

    /** The index a clip dropped at {@code bar} (from 0, fractional) goes to: before the clip whose middle is after it. */
    public int insertionIndexAt(double bar) {
        double start = 0;
        for (int i = 0; i < clips.size(); i++) {
            double length = barsOf(clips.get(i));
            if (bar < start + length / 2) {
                return i;
            }
            start += length;
        }
        return clips.size();
    }

    public Arrangement insert(int index, Melody clip) {
        checkIndex(index, clips.size());
        List<Melody> next = new ArrayList<>(clips);
        next.add(index, clip);
        return new Arrangement(next);
    }

    public Arrangement append(Melody clip) {
        return insert(clips.size(), clip);
    }

    /** Moves clip {@code from} so that it ends up at index {@code to} (both in 0..size-1). */
    public Arrangement move(int from, int to) {
        checkIndex(from, clips.size() - 1);
        checkIndex(to, clips.size() - 1);
        List<Melody> next = new ArrayList<>(clips);
        next.add(to, next.remove(from));
        return new Arrangement(next);
    }

    /** A copy of clip {@code index} right after it. */
    public Arrangement repeat(int index) {
        checkIndex(index, clips.size() - 1);
        return insert(index + 1, clips.get(index));
    }

    public Arrangement remove(int index) {
        checkIndex(index, clips.size() - 1);
        List<Melody> next = new ArrayList<>(clips);
        next.remove(index);
        return new Arrangement(next);
    }

    /**
     * Clips {@code from} (inclusive) to {@code to} (exclusive) as one melody at {@code qpm}: each clip
     * starts on its bar line, a clip shorter than its bars is followed by rest.
     */
    public Melody render(int from, int to, double qpm) {
        if (from < 0 || to > clips.size() || to <= from) {
            throw new IllegalArgumentException("clips [" + from + ", " + to + ") are not inside the lane of "
                    + clips.size());
        }
        TimeGrid grid = clips.get(0).grid().withTempo(qpm);
        int perBar = grid.stepsPerBar();
        List<Note> notes = new ArrayList<>();
        int offset = 0;
        for (Melody clip : clips.subList(from, to)) {
            for (Note n : clip.notes()) {
                notes.add(n.withSpan(n.startStep() + offset, n.endStep() + offset));
            }
            offset += barsOf(clip) * perBar;
        }
        return new Melody(grid, offset, notes);
    }

    /** The whole lane as one melody at {@code qpm}; the lane must not be empty. */
    public Melody render(double qpm) {
        return render(0, clips.size(), qpm);
    }

    private static String mismatch(Melody first, Melody clip) {
        TimeGrid a = first.grid();
        TimeGrid b = clip.grid();
        if (a.beatsPerBar() != b.beatsPerBar() || a.beatUnit() != b.beatUnit()) {
            return "the lane is in " + a.beatsPerBar() + "/" + a.beatUnit() + " and this clip is in "
                    + b.beatsPerBar() + "/" + b.beatUnit();
        }
        if (a.stepsPerQuarter() != b.stepsPerQuarter()) {
            return "the lane has " + a.stepsPerQuarter() + " steps per quarter and this clip "
                    + b.stepsPerQuarter();
        }
        return null;
    }

    private static void checkIndex(int index, int max) {
        if (index < 0 || index > max) {
            throw new IndexOutOfBoundsException("clip " + index + " is outside 0.." + max);
        }
    }
}
