package org.melodypalette.model.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.melodypalette.model.api.MelodyAttribute;
import org.melodypalette.music.Pitches;

/**
 * The features whose distributions {@link RealismEvaluator} compares between prior samples and
 * data (after Yang &amp; Lerch 2018). Each turns a label window (see the package comment) into
 * counts in fixed bins; "notes" are note-ons, each counted once whatever its length.
 */
public enum MelodyFeature {

    /** Notes per bar of each window; bin k holds [k, k + 1), the last bin 16 or more. Silent windows count in bin 0. */
    NOTE_DENSITY("notes per bar"),
    /**
     * Note-ons in each bar of each window, bins 0..16: bin 0 is the share of bars where nothing
     * starts (rests or a held note), which the per-window {@link #NOTE_DENSITY} averages away.
     */
    BAR_ONSETS("note-ons in each bar"),
    /** Highest minus lowest pitch of each window with notes, in semitones; bins 0..24 and "&gt;24". */
    PITCH_RANGE("semitones between the highest and lowest note of a window"),
    /** Pitch class of every note, absolute (C = 0). */
    PITCH_CLASS("pitch class of every note, C = 0"),
    /**
     * Pitch class of every note counted from the major tonic of its own window's best-fitting
     * diatonic set ({@link DiatonicKey#bestFit}): 0 = major tonic, 9 = relative minor tonic. Unlike
     * {@link #PITCH_CLASS}, it does not depend on which keys the melodies are in, only on how tonal they are.
     */
    KEY_PITCH_CLASS("pitch class of every note above its window's major tonic"),
    /** Semitones from each note to the next one in the same window (rests in between ignored); bins "&lt;-12", -12..12, "&gt;12". */
    INTERVAL("semitones from each note to the next");

    private static final int MAX_DENSITY_BIN = 16;
    private static final int MAX_RANGE = 24;
    private static final int MAX_INTERVAL = 12;

    private final String description;

    MelodyFeature(String description) {
        this.description = description;
    }

    /** What one count is, for people. */
    public String description() {
        return description;
    }

    /** Whether the feature is one number per window, so that a mean over windows means something. */
    public boolean isPerWindow() {
        return this == NOTE_DENSITY || this == PITCH_RANGE;
    }

    /** The bins' names, in bin order. */
    public List<String> binLabels() {
        List<String> labels = new ArrayList<>();
        switch (this) {
            case NOTE_DENSITY -> {
                for (int k = 0; k < MAX_DENSITY_BIN; k++) {
                    labels.add(Integer.toString(k));
                }
                labels.add(MAX_DENSITY_BIN + "+");
            }
            case BAR_ONSETS -> {
                for (int k = 0; k <= MAX_DENSITY_BIN; k++) {
                    labels.add(Integer.toString(k));
                }
            }
            case PITCH_RANGE -> {
                for (int k = 0; k <= MAX_RANGE; k++) {
                    labels.add(Integer.toString(k));
                }
                labels.add(">" + MAX_RANGE);
            }
            case PITCH_CLASS -> {
                for (int k = 0; k < 12; k++) {
                    // the note name of octave 4 without its octave: C, C#, ... B
                    labels.add(Pitches.name(Pitches.MIDDLE_C + k).replace("4", ""));
                }
            }
            case KEY_PITCH_CLASS -> {
                for (int k = 0; k < 12; k++) {
                    labels.add(Integer.toString(k));
                }
            }
            case INTERVAL -> {
                labels.add("<-" + MAX_INTERVAL);
                for (int k = -MAX_INTERVAL; k <= MAX_INTERVAL; k++) {
                    labels.add(Integer.toString(k));
                }
                labels.add(">" + MAX_INTERVAL);
            }
        }
        return List.copyOf(labels);
    }

    public int bins() {
        return binLabels().size();
    }

    /** The per-window value ({@link #isPerWindow()} features only); NaN where undefined (the range of a silent window). */
    public double valueOf(int[] labels, int stepsPerBar) {
        return switch (this) {
            case NOTE_DENSITY -> MelodyAttribute.NOTE_DENSITY.of(labels, stepsPerBar);
            case PITCH_RANGE -> MelodyAttribute.PITCH_RANGE.of(labels, stepsPerBar);
            default -> throw new IllegalStateException(this + " is not one value per window");
        };
    }

    /** The bins one window adds a count to (a bin may repeat; none for a window where the feature is undefined). */
    public int[] binsOf(int[] labels, int stepsPerBar) {
        int[] pitches = EvalLabels.onsetPitches(labels);
        return switch (this) {
            case NOTE_DENSITY -> new int[] {Math.min((int) Math.floor(valueOf(labels, stepsPerBar)), MAX_DENSITY_BIN)};
            case BAR_ONSETS -> barOnsets(labels, stepsPerBar);
            case PITCH_RANGE -> pitches.length == 0 ? new int[0]
                    : new int[] {Math.min((int) valueOf(labels, stepsPerBar), MAX_RANGE + 1)};
            case PITCH_CLASS -> degrees(pitches, new DiatonicKey(0));
            case KEY_PITCH_CLASS -> degrees(pitches, DiatonicKey.bestFit(pitches));
            case INTERVAL -> intervalBins(pitches);
        };
    }

    /** Each bar's note density (its note-ons), at most {@value #MAX_DENSITY_BIN}. */
    private static int[] barOnsets(int[] labels, int stepsPerBar) {
        int[] bins = new int[labels.length / stepsPerBar];
        for (int bar = 0; bar < bins.length; bar++) {
            int[] barLabels = Arrays.copyOfRange(labels, bar * stepsPerBar, (bar + 1) * stepsPerBar);
            int onsets = (int) MelodyAttribute.NOTE_DENSITY.of(barLabels, stepsPerBar);
            bins[bar] = Math.min(onsets, MAX_DENSITY_BIN);
        }
        return bins;
    }

    /** Each pitch's pitch class above the key's major tonic (C major: the absolute pitch class). */
    private static int[] degrees(int[] pitches, DiatonicKey key) {
        int[] degrees = new int[pitches.length];
        for (int n = 0; n < pitches.length; n++) {
            degrees[n] = key.degreeOf(pitches[n]);
        }
        return degrees;
    }

    /** Interval v between consecutive pitches goes to bin {@code clamp(v, −13, 13) + 13}. */
    private static int[] intervalBins(int[] pitches) {
        int[] bins = new int[Math.max(0, pitches.length - 1)];
        for (int n = 0; n < bins.length; n++) {
            int interval = pitches[n + 1] - pitches[n];
            bins[n] = Math.max(-MAX_INTERVAL - 1, Math.min(MAX_INTERVAL + 1, interval)) + MAX_INTERVAL + 1;
        }
        return bins;
    }

    /** The feature's counts over all windows. */
    public Histogram histogram(List<int[]> windows, int stepsPerBar) {
        long[] counts = new long[bins()];
        for (int[] window : windows) {
            for (int bin : binsOf(window, stepsPerBar)) {
                counts[bin]++;
            }
        }
        return new Histogram(counts);
    }

    /** Mean of {@link #valueOf} over the windows where it is defined; NaN if none is. */
    public double mean(List<int[]> windows, int stepsPerBar) {
        double sum = 0;
        int n = 0;
        for (int[] window : windows) {
            double value = valueOf(window, stepsPerBar);
            if (!Double.isNaN(value)) {
                sum += value;
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
