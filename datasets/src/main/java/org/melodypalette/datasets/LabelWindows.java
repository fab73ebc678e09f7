package org.melodypalette.datasets;

import java.util.Arrays;
import java.util.List;
import org.melodypalette.tokenizer.MelodyVocabulary;

/**
 * Fixed-length windows of melody class labels, one byte per step, stored row-major:
 * window {@code i}, step {@code t} is at {@code i · numSteps + t}. Labels are the 90 MusicVAE
 * melody classes (0 = no event, 1 = note off, 2..89 = pitch 21..108).
 */
public final class LabelWindows {

    /** What the labels mean: Magenta's melody vocabulary, 90 classes. */
    public static final MelodyVocabulary VOCABULARY = MelodyVocabulary.MAGENTA;
    /** Largest class index a label may have. */
    public static final int MAX_LABEL = VOCABULARY.size() - 1;

    private final int numSteps;
    private final byte[] labels;

    private LabelWindows(int numSteps, byte[] labels) {
        if (numSteps < 1) {
            throw new IllegalArgumentException("numSteps " + numSteps + " must be positive");
        }
        if (labels.length % numSteps != 0) {
            throw new IllegalArgumentException(labels.length + " labels are not whole windows of "
                    + numSteps + " steps");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] > MAX_LABEL) {
                // a stored byte is unsigned: name it as the file holds it (255, not -1)
                throw new IllegalArgumentException("label " + Byte.toUnsignedInt(labels[i]) + " at index " + i
                        + " is outside 0.." + MAX_LABEL);
            }
        }
        this.numSteps = numSteps;
        this.labels = labels;
    }

    /** Takes a copy of a flat row-major label array. */
    public static LabelWindows fromFlat(int numSteps, byte[] flat) {
        return new LabelWindows(numSteps, flat.clone());
    }

    public static LabelWindows of(int numSteps, List<int[]> windows) {
        byte[] flat = new byte[windows.size() * numSteps];
        for (int i = 0; i < windows.size(); i++) {
            int[] w = windows.get(i);
            if (w.length != numSteps) {
                throw new IllegalArgumentException("window " + i + " has " + w.length
                        + " steps, expected " + numSteps);
            }
            for (int t = 0; t < numSteps; t++) {
                if (w[t] < 0 || w[t] > MAX_LABEL) {
                    throw new IllegalArgumentException("window " + i + " step " + t + ": label "
                            + w[t] + " is outside 0.." + MAX_LABEL);
                }
                flat[i * numSteps + t] = (byte) w[t];
            }
        }
        return new LabelWindows(numSteps, flat);
    }

    public int numSteps() {
        return numSteps;
    }

    public int count() {
        return labels.length / numSteps;
    }

    public int label(int window, int step) {
        return labels[window * numSteps + step];
    }

    public int[] window(int index) {
        int[] w = new int[numSteps];
        for (int t = 0; t < numSteps; t++) {
            w[t] = labels[index * numSteps + t];
        }
        return w;
    }

    /** A copy of the flat row-major labels. */
    public byte[] toFlat() {
        return labels.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelWindows other && other.numSteps == numSteps
                && Arrays.equals(other.labels, labels);
    }

    @Override
    public int hashCode() {
        return 31 * numSteps + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "LabelWindows[" + count() + " × " + numSteps + " steps]";
    }
}
