package org.melodypalette.model.train;

import java.util.SplittableRandom;
import org.melodypalette.model.backprop.SamplingInputs;
import org.melodypalette.model.data.Seeds;

/**
 * The random choices of Magenta's scheduled sampling for one training step (its
 * ScheduledOutputTrainingHelper): for every (sequence, step) whose input may be sampled, a
 * Bernoulli choice of the true previous label with probability {@link Schedules#teacherForcing},
 * and, where the model's own label is chosen, Gumbel noise that turns the graph's
 * {@code argmax(logits + noise)} into a draw from {@code softmax(logits)} (temperature 1).
 * Drawn from the run's seeded stream of that step, so a resumed run draws exactly the same.
 */
public final class ScheduledSamplingDraw {

    /** {@link Seeds} stream of these draws (Seeds uses 1–4). */
    static final long STREAM = 5;

    private final int batch;
    private final int steps;
    private final int classes;
    private final float[] teacherMask;
    private final float[] samplingNoise;
    private final int sampledInputs;

    private ScheduledSamplingDraw(int batch, int steps, int classes, float[] teacherMask, float[] samplingNoise,
                                  int sampledInputs) {
        this.batch = batch;
        this.steps = steps;
        this.classes = classes;
        this.teacherMask = teacherMask;
        this.samplingNoise = samplingNoise;
        this.sampledInputs = sampledInputs;
    }

    /**
     * @param segmentLength steps per decoder segment: the whole sequence for a flat decoder, a bar for a
     *                      hierarchical one (Magenta's core decoder starts every bar from the true label)
     */
    static ScheduledSamplingDraw draw(long seed, long step, int batch, int steps, int segmentLength, int classes,
                                      double teacherProbability) {
        SplittableRandom random = Seeds.random(seed, STREAM, step);
        float[] mask = new float[batch * steps];
        float[] noise = new float[batch * steps * classes];
        int sampled = 0;
        for (int b = 0; b < batch; b++) {
            for (int t = 0; t < steps; t++) {
                int row = b * steps + t;
                if (t % segmentLength == 0 || random.nextDouble() < teacherProbability) {
                    mask[row] = 1;
                    continue;
                }
                sampled++;
                for (int c = 0; c < classes; c++) {
                    noise[row * classes + c] = (float) gumbel(random);
                }
            }
        }
        return new ScheduledSamplingDraw(batch, steps, classes, mask, noise, sampled);
    }

    /**
     * {@code [batch, T]}, row-major, the draw's own array (not to be changed): 1 = the true
     * label (always at a segment's first step), 0 = the model's sample.
     */
    public float[] teacherMask() {
        return teacherMask;
    }

    /**
     * {@code [batch, T, C]}, row-major, the draw's own array (not to be changed): Gumbel noise, zero where
     * the mask is 1.
     */
    public float[] samplingNoise() {
        return samplingNoise;
    }

    /** Sequences in the batch. */
    public int batch() {
        return batch;
    }

    /** Steps per sequence. */
    public int steps() {
        return steps;
    }

    /** Classes per step. */
    public int classes() {
        return classes;
    }

    /** The same draw for the hand-written step, without a copy. */
    SamplingInputs asSamplingInputs() {
        return new SamplingInputs(teacherMask, samplingNoise);
    }

    /** How many inputs are the model's own samples. */
    int sampledInputs() {
        return sampledInputs;
    }

    /** {@code −ln(−ln u)}, u uniform in (0, 1). */
    static double gumbel(SplittableRandom random) {
        double u;
        do {
            u = random.nextDouble();
        } while (u == 0);
        return -Math.log(-Math.log(u));
    }
}
