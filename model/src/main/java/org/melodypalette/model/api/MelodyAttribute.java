package org.melodypalette.model.api;

import java.util.Arrays;
import org.melodypalette.tokenizer.MelodyVocabulary;

/**
 * Musical attributes measured directly on a window of MusicVAE melody labels (0 = no event,
 * 1 = note off, 2..89 = note on of pitch 21..108), on a 16th-note grid. Used to build latent
 * attribute vectors ({@code AttributeVectorsBuilder}). Pure functions: an attribute that a window
 * does not define (a pitch of a window without notes) is {@link Double#NaN}.
 */
public enum MelodyAttribute {

    /** Note onsets per bar. */
    NOTE_DENSITY("note_density"),
    /** Mean MIDI pitch of the onsets; NaN without onsets. */
    PITCH_HEIGHT("pitch_height"),
    /** Highest minus lowest onset pitch in semitones; NaN without onsets. */
    PITCH_RANGE("pitch_range"),
    /** Share of onsets off the 8th-note grid (at odd 16th steps); NaN without onsets. */
    SYNCOPATION("syncopation"),
    /** Share of steps where no note sounds (before the first onset, after a note off). */
    REST_SHARE("rest_share");

    private static final MelodyVocabulary LABELS = MelodyVocabulary.MAGENTA;
    private static final int FIRST_PITCH_LABEL = MelodyVocabulary.FIRST_PITCH;

    private final String key;

    MelodyAttribute(String key) {
        this.key = key;
    }

    /** The name used in {@code attributes.json} and shown to users. */
    public String key() {
        return key;
    }

    /**
     * The attribute of one window.
     *
     * @param labels      one label per step
     * @param stepsPerBar grid steps per bar (16 for 16th notes in 4/4)
     */
    public double of(int[] labels, int stepsPerBar) {
        if (stepsPerBar < 1 || labels.length == 0 || labels.length % stepsPerBar != 0) {
            throw new IllegalArgumentException(labels.length + " labels are not whole bars of " + stepsPerBar + " steps");
        }
        int[] pitches = onsetPitches(labels);
        return switch (this) {
            case NOTE_DENSITY -> pitches.length / (double) (labels.length / stepsPerBar);
            case PITCH_HEIGHT -> pitches.length == 0 ? Double.NaN : Arrays.stream(pitches).average().orElseThrow();
            case PITCH_RANGE -> pitches.length == 0 ? Double.NaN
                    : Arrays.stream(pitches).max().orElseThrow() - Arrays.stream(pitches).min().orElseThrow();
            case SYNCOPATION -> pitches.length == 0 ? Double.NaN : offBeatOnsets(labels) / (double) pitches.length;
            case REST_SHARE -> silentSteps(labels) / (double) labels.length;
        };
    }

    private static int[] onsetPitches(int[] labels) {
        return Arrays.stream(labels).filter(l -> l >= FIRST_PITCH_LABEL).map(LABELS::pitchOf).toArray();
    }

    private static int offBeatOnsets(int[] labels) {
        int count = 0;
        for (int t = 1; t < labels.length; t += 2) {
            if (labels[t] >= FIRST_PITCH_LABEL) {
                count++;
            }
        }
        return count;
    }

    /** A note sounds from its onset through the following no-event steps until a note off or the next onset. */
    private static int silentSteps(int[] labels) {
        int silent = 0;
        boolean sounding = false;
        for (int label : labels) {
            if (label >= FIRST_PITCH_LABEL) {
                sounding = true;
            } else if (label == MelodyVocabulary.NOTE_OFF) {
                sounding = false;
            }
            if (!sounding) {
                silent++;
            }
        }
        return silent;
    }
}
