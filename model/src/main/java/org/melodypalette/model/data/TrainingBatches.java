package org.melodypalette.model.data;

import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.melodypalette.datasets.LabelWindows;

/**
 * The training data order: each epoch visits every window once in a seeded random order, and the
 * batch of step {@code s} holds positions {@code [s·B, (s+1)·B)} of the endless concatenation of
 * epochs. Each window is then transposed by a seeded random shift within ±{@code maxTranspose}
 * semitones that keeps it inside the pitch range. The batch of a step is a pure function of
 * {@code (windows, seed, step)}, so a resumed run sees exactly the data an uninterrupted one would.
 */
public final class TrainingBatches {

    private final LabelWindows windows;
    private final int batchSize;
    private final int maxTranspose;
    private final int numClasses;
    private final long seed;
    private long cachedEpoch = -1;
    private int[] cachedOrder;

    public TrainingBatches(LabelWindows windows, int batchSize, int maxTranspose, int numClasses, long seed) {
        if (windows.count() == 0) {
            throw new IllegalArgumentException("there are no training windows");
        }
        if (batchSize < 1 || maxTranspose < 0) {
            throw new IllegalArgumentException("batchSize " + batchSize + " must be positive and maxTranspose "
                    + maxTranspose + " non-negative");
        }
        this.windows = windows;
        this.batchSize = batchSize;
        this.maxTranspose = maxTranspose;
        this.numClasses = numClasses;
        this.seed = seed;
    }

    /** The label rows of step {@code step}: {@code [batchSize][numSteps]}. */
    public int[][] batch(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step " + step + " is negative");
        }
        int count = windows.count();
        SplittableRandom transposeRandom = Seeds.random(seed, Seeds.TRANSPOSE, step);
        int[][] rows = new int[batchSize][];
        for (int i = 0; i < batchSize; i++) {
            long position = step * batchSize + i;
            int window = order(position / count)[(int) (position % count)];
            rows[i] = windows.window(window);
            if (maxTranspose > 0) {
                int[] shifts = MelodyTensors.allowedTranspositions(rows[i], maxTranspose, numClasses);
                rows[i] = MelodyTensors.transpose(rows[i], shifts[transposeRandom.nextInt(shifts.length)], numClasses);
            }
        }
        return rows;
    }

    /** The epoch's permutation of window indices (Fisher–Yates on the epoch's own stream). */
    private int[] order(long epoch) {
        if (epoch != cachedEpoch) {
            int[] order = new int[windows.count()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            SplittableRandom random = Seeds.random(seed, Seeds.DATA_ORDER, epoch);
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            cachedOrder = order;
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }

    /** A checksum of the windows, stored with a run so that resuming on other data is refused. */
    public static long fingerprint(LabelWindows windows) {
        CRC32 crc = new CRC32();
        crc.update(windows.toFlat());
        return (crc.getValue() << 20) ^ windows.count();
    }
}
