package org.melodypalette.model.data;

import java.util.ArrayList;
import java.util.List;
import org.melodypalette.music.Melody;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.tokenizer.Tokenizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one boundary between melodies / label windows and ND4J tensors.
 *
 * <p><b>Labels</b> are the 90 MusicVAE melody classes per step: 0 = no event (hold or rest),
 * 1 = note off, 2..89 = note on of pitch 21..108 ({@code class = pitch − minPitch + 2}).
 *
 * <p><b>Layout.</b> A batch of sequences is one-hot, shape {@code [batch, numSteps, numClasses]}
 * (Magenta's {@code [batch, time, depth]}, which is also the {@code NTS} format of ND4J's fused
 * LSTM). Training windows all have the same length, so there is no mask. Logits come back in the
 * same layout, or flattened to {@code [batch · numSteps, numClasses]} (row {@code b · numSteps + t}).
 */
public final class MelodyTensors {

    /** Classes that are not pitches: no event and note off; transposition keeps them. */
    public static final int NON_PITCH_CLASSES = 2;

    private MelodyTensors() {
    }

    /**
     * One-hot encodes equal-length label sequences.
     *
     * @return {@code [labels.length, numSteps, numClasses]} of {@code dataType}
     */
    public static INDArray oneHot(int[][] labels, int numClasses, DataType dataType) {
        if (labels.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one sequence");
        }
        int steps = labels[0].length;
        float[] flat = new float[labels.length * steps * numClasses];
        for (int b = 0; b < labels.length; b++) {
            if (labels[b].length != steps) {
                throw new IllegalArgumentException("sequence " + b + " has " + labels[b].length
                        + " steps, the first has " + steps);
            }
            for (int t = 0; t < steps; t++) {
                int label = labels[b][t];
                if (label < 0 || label >= numClasses) {
                    throw new IllegalArgumentException("sequence " + b + " step " + t + ": label " + label
                            + " is outside 0.." + (numClasses - 1));
                }
                flat[(b * steps + t) * numClasses + label] = 1f;
            }
        }
        return Nd4j.create(flat, new long[] {labels.length, steps, numClasses}, 'c').castTo(dataType);
    }

    /**
     * Argmax per step (first index wins ties, as magenta.js) of a one-hot batch or of logits.
     *
     * @param scores {@code [batch, numSteps, numClasses]}, or {@code [batch · numSteps, numClasses]}
     *               with {@code numSteps} given
     */
    public static int[][] argmaxLabels(INDArray scores, int numSteps) {
        float[][] rows = scores.reshape('c', -1, scores.size(scores.rank() - 1)).castTo(DataType.FLOAT)
                .toFloatMatrix();
        if (rows.length % numSteps != 0) {
            throw new IllegalArgumentException(rows.length + " rows are not whole sequences of " + numSteps);
        }
        int[][] labels = new int[rows.length / numSteps][numSteps];
        for (int r = 0; r < rows.length; r++) {
            labels[r / numSteps][r % numSteps] = argmax(rows[r]);
        }
        return labels;
    }

    /** Index of the largest value; the first one on ties. */
    public static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * The window moved by {@code semitones}: pitch classes shift, no-event and note-off stay.
     *
     * @throws IllegalArgumentException if a pitch would leave the vocabulary's range
     */
    public static int[] transpose(int[] labels, int semitones, int numClasses) {
        int[] out = labels.clone();
        for (int t = 0; t < out.length; t++) {
            if (out[t] >= NON_PITCH_CLASSES) {
                out[t] += semitones;
                if (out[t] < NON_PITCH_CLASSES || out[t] >= numClasses) {
                    throw new IllegalArgumentException("transposing by " + semitones + " moves step " + t
                            + " (class " + labels[t] + ") outside the pitch range");
                }
            }
        }
        return out;
    }

    /**
     * The shifts in {@code [-maxSemitones, maxSemitones]} that keep every pitch of the window in
     * range, ascending; always contains 0.
     */
    public static int[] allowedTranspositions(int[] labels, int maxSemitones, int numClasses) {
        int lowest = Integer.MAX_VALUE;
        int highest = Integer.MIN_VALUE;
        for (int label : labels) {
            if (label >= NON_PITCH_CLASSES) {
                lowest = Math.min(lowest, label);
                highest = Math.max(highest, label);
            }
        }
        int down = lowest == Integer.MAX_VALUE ? maxSemitones : Math.min(maxSemitones, lowest - NON_PITCH_CLASSES);
        int up = highest == Integer.MIN_VALUE ? maxSemitones : Math.min(maxSemitones, numClasses - 1 - highest);
        int[] shifts = new int[down + up + 1];
        for (int i = 0; i < shifts.length; i++) {
            shifts[i] = i - down;
        }
        return shifts;
    }

    /** The labels of each melody's first {@code numSteps} steps, as the tokenizer encodes them. */
    public static int[][] labelsOf(List<Melody> melodies, Tokenizer tokenizer, int numSteps) {
        int[][] labels = new int[melodies.size()][];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = tokenizer.encode(melodies.get(i), numSteps);
        }
        return labels;
    }

    /** One-hot {@code [melodies, numSteps, vocabularySize]} of the melodies' labels. */
    public static INDArray oneHot(List<Melody> melodies, Tokenizer tokenizer, int numSteps, DataType dataType) {
        return oneHot(labelsOf(melodies, tokenizer, numSteps), tokenizer.vocabularySize(), dataType);
    }

    /** The melodies the label rows describe, on {@code grid}. */
    public static List<Melody> melodies(int[][] labels, Tokenizer tokenizer, TimeGrid grid) {
        List<Melody> melodies = new ArrayList<>(labels.length);
        for (int[] row : labels) {
            melodies.add(tokenizer.decode(row, grid));
        }
        return melodies;
    }
}
