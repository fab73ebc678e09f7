package org.melodypalette.model.refine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.LatentCode;
import org.melodypalette.model.api.LatentVector;
import org.melodypalette.model.api.RefineOptions;
import org.melodypalette.model.backprop.DecoderLikelihood;
import org.melodypalette.model.config.ModelConfig;

/**
 * Refined encoding: from the posterior means, Adam steps on each code against
 * {@code nll(melody | z) + λ·½|z|²}, the gradient from the training code's decoder passes
 * ({@link DecoderLikelihood}, no weight gradients). With {@link RefineOptions#refinesBars()} on a
 * hierarchical decoder, each bar's embedding also gets an offset from the conductor's output
 * (starting at 0), refined by its own Adam steps against {@code nll + μ·½|offsets|²}. A melody is done as soon as its teacher-forced
 * argmax has no mistake and the inference kernel's argmax decode (what users hear) confirms it
 * equals the melody; the teacher-forced count comes free with every forward pass, so the kernel
 * runs only for candidates. Melodies that stop without an exact decode (out of steps, time, or
 * {@link RefineOptions#patience() patience}) keep the code with the fewest teacher-forced mistakes
 * seen (the latest among equals).
 *
 * <p>A batch of n melodies is refined together within n times the budget; as melodies finish, the rest run in the smallest power-of-two
 * batch that holds them. One caller at a time.
 */
public final class LatentRefiner {

    /** The argmax decode users hear: one label sequence per code ({@code barOffsets} null = none). */
    @FunctionalInterface
    public interface ArgmaxDecoder {
        int[][] decode(float[][] z, float[][] barOffsets);
    }

    private final ModelConfig config;
    private final Map<String, float[]> weights;
    private final ArgmaxDecoder decoder;
    private final Map<Integer, DecoderLikelihood> likelihoods = new HashMap<>();
    private BarRefiner bars;

    /**
     * How codes of a {@code config} model are refined unless told otherwise: {@link RefineOptions#BARS} for a
     * hierarchical decoder, whose z alone cannot give melodies back (docs/measurements/refine/), else
     * {@link RefineOptions#DEFAULT}.
     */
    public static RefineOptions defaults(ModelConfig config) {
        return config.decoder() == ModelConfig.DecoderKind.HIERARCHICAL ? RefineOptions.BARS : RefineOptions.DEFAULT;
    }

    /**
     * @param weights every decoder variable of {@code config} by Magenta name (read only, kept)
     * @param decoder the inference kernel's argmax decode, which confirms exactness
     */
    public LatentRefiner(ModelConfig config, Map<String, float[]> weights, ArgmaxDecoder decoder) {
        this.config = config;
        this.weights = Map.copyOf(weights);
        this.decoder = decoder;
    }

    /**
     * @param mu     {@code [n][zSize]} the posterior means, the starting codes (not modified)
     * @param labels {@code [n][numSteps]} the melodies
     * @param start  {@link System#nanoTime} when the encoding began: the budget and the times count from it
     * @return one encoding per melody, in input order
     */
    public List<Encoding> refine(float[][] mu, int[][] labels, RefineOptions options, long start) {
        if (mu.length != labels.length) {
            throw new IllegalArgumentException(mu.length + " codes for " + labels.length + " melodies");
        }
        if (options.learningRate() == 0) {
            if (config.decoder() != ModelConfig.DecoderKind.HIERARCHICAL) {
                throw new IllegalArgumentException(config.name() + " has a flat decoder, no bars: refinement with"
                        + " a step size of 0 on z would not move its codes");
            }
            if (bars == null) {
                bars = new BarRefiner(config, weights, decoder);
            }
            return bars.refine(mu, labels, options, start);
        }
        int n = mu.length;
        boolean timed = options.budgetMillis() > 0;
        long deadline = start + options.budgetMillis() * 1_000_000L * n;
        int zSize = config.zSize();
        int barSize = options.refinesBars() ? DecoderLikelihood.barOffsetSize(config) : 0;
        Row[] rows = new Row[n];
        for (int b = 0; b < n; b++) {
            if (mu[b].length != zSize) {
                throw new IllegalArgumentException("code " + b + " has " + mu[b].length + " values, expected " + zSize);
            }
            rows[b] = new Row(mu[b], labels[b], barSize, config.numSegments());
        }
        List<Row> active = new ArrayList<>(Arrays.asList(rows));
        for (int step = 0; !active.isEmpty(); step++) {
            evaluate(active, options, barSize);
            confirmCandidates(active, step, start);
            boolean outOfBudget = step >= options.maxSteps() || timed && System.nanoTime() - deadline >= 0;
            for (Row row : active) {
                boolean outOfPatience = options.patience() > 0 && step - row.bestStep >= options.patience();
                if (!row.done && (outOfBudget || outOfPatience)) {
                    row.finish(step, false, start);
                }
            }
            active.removeIf(row -> row.done);
            for (Row row : active) {
                row.adamStep(options.learningRate(), options.barLearningRate());
            }
        }
        List<Encoding> out = new ArrayList<>(n);
        for (Row row : rows) {
            out.add(row.encoding());
        }
        return out;
    }

    /** One forward and backward pass over the active rows, padded to a power of two with copies of the first. */
    private void evaluate(List<Row> active, RefineOptions options, int barSize) {
        int size = Integer.highestOneBit(active.size());
        size = size == active.size() ? size : size * 2;
        DecoderLikelihood likelihood = likelihoods.computeIfAbsent(size,
                s -> DecoderLikelihood.create(config, weights, s));
        int zSize = config.zSize();
        float[] z = new float[size * zSize];
        float[] offsets = barSize == 0 ? null : new float[size * barSize];
        int[][] labels = new int[size][];
        for (int b = 0; b < size; b++) {
            Row row = active.get(Math.min(b, active.size() - 1));
            System.arraycopy(row.z.values, 0, z, b * zSize, zSize);
            if (offsets != null) {
                System.arraycopy(row.offsets.values, 0, offsets, b * barSize, barSize);
            }
            labels[b] = row.labels;
        }
        DecoderLikelihood.Result result = likelihood.evaluate(z, offsets, labels);
        for (int b = 0; b < active.size(); b++) {
            active.get(b).take(result, b, options.priorWeight(), options.barPull());
        }
    }

    /** Rows whose teacher-forced argmax is all right are done if the kernel's argmax decode agrees. */
    private void confirmCandidates(List<Row> active, int step, long start) {
        List<Row> candidates = active.stream().filter(row -> row.mistakes == 0).toList();
        if (candidates.isEmpty()) {
            return;
        }
        float[][] z = new float[candidates.size()][];
        float[][] offsets = candidates.get(0).offsets == null ? null : new float[z.length][];
        for (int k = 0; k < z.length; k++) {
            z[k] = candidates.get(k).z.values.clone();
            if (offsets != null) {
                offsets[k] = candidates.get(k).offsets.values.clone();
            }
        }
        int[][] decoded = decoder.decode(z, offsets);
        for (int k = 0; k < z.length; k++) {
            Row row = candidates.get(k);
            if (Arrays.equals(decoded[k], row.labels)) {
                row.finish(step, true, start);
            }
        }
    }

    /** One melody's optimisation state: z and, when bars are refined, the per-bar offsets. */
    private static final class Row {

        final float[] mean;
        final int[] labels;
        final int bars;
        final AdamVector z;
        final AdamVector offsets;
        float[] best;
        float[] bestOffsets;
        int bestMistakes = Integer.MAX_VALUE;
        int bestStep;
        int mistakes;
        int evaluations;
        boolean done;
        boolean exact;
        int steps;
        double millis;

        /** @param barSize values of the offsets of all bars, 0 = z alone */
        Row(float[] mean, int[] labels, int barSize, int bars) {
            this.mean = mean.clone();
            this.labels = labels;
            this.bars = bars;
            this.z = new AdamVector(mean);
            this.offsets = barSize == 0 ? null : new AdamVector(new float[barSize]);
        }

        /**
         * Reads row b of a pass: its mistakes, {@code ∂/∂z (nll + λ·½|z|²) = dz + λ·z} and
         * {@code ∂/∂offsets (nll + μ·½|offsets|²) = dBars + μ·offsets}.
         */
        void take(DecoderLikelihood.Result result, int b, double priorWeight, double barPull) {
            mistakes = result.mistakes()[b];
            if (mistakes < bestMistakes) {
                bestStep = evaluations;
            }
            if (mistakes <= bestMistakes) {
                bestMistakes = mistakes;
                best = z.values.clone();
                bestOffsets = offsets == null ? null : offsets.values.clone();
            }
            evaluations++;
            z.setGradient(result.dz(), b * z.values.length, priorWeight);
            if (offsets != null) {
                offsets.setGradient(result.dBars(), b * offsets.values.length, barPull);
            }
        }

        /** Adam's next update on z and the offsets. */
        void adamStep(double learningRate, double barLearningRate) {
            z.step(learningRate);
            if (offsets != null) {
                offsets.step(barLearningRate);
            }
        }

        void finish(int step, boolean exactDecode, long start) {
            done = true;
            exact = exactDecode;
            steps = step;
            millis = (System.nanoTime() - start) / 1e6;
            if (exactDecode) {
                best = z.values.clone();
                bestOffsets = offsets == null ? null : offsets.values.clone();
                bestMistakes = 0;
            }
        }

        Encoding encoding() {
            List<LatentVector> barOffsets = new ArrayList<>();
            if (bestOffsets != null) {
                int size = bestOffsets.length / bars;
                for (int s = 0; s < bars; s++) {
                    barOffsets.add(new LatentVector(Arrays.copyOfRange(bestOffsets, s * size, (s + 1) * size)));
                }
            }
            return new Encoding(new LatentCode(new LatentVector(best), barOffsets), new LatentVector(mean), exact,
                    bestMistakes, steps, millis);
        }
    }
}
