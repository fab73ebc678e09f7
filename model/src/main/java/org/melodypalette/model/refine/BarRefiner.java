package org.melodypalette.model.refine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.LatentCode;
import org.melodypalette.model.api.LatentVector;
import org.melodypalette.model.api.RefineOptions;
import org.melodypalette.model.backprop.BarLikelihood;
import org.melodypalette.model.config.ModelConfig;

/**
 * Refinement of a hierarchical decoder's bars with z fixed at the posterior mean: each bar's
 * embedding (the conductor's, from z) gets an offset, refined by Adam against the bar's
 * teacher-forced {@code nll + μ·½|offset|²}. With z fixed the bars are independent under teacher
 * forcing ({@link BarLikelihood}), so a bar leaves the passes as soon as its teacher-forced argmax
 * has no mistake, and each pass computes only the bars still wrong, of every melody at once. A
 * melody whose bars are all right is done when the inference kernel's argmax decode confirms it;
 * else the first bar the decode gets wrong (a near tie) goes back into the passes. Melodies that stop without an
 * exact decode (out of steps, time or patience) keep each bar's offset with the fewest mistakes seen
 * (the latest among equals).
 *
 * <p>The same contract as {@link LatentRefiner#refine}; one caller at a time.
 */
final class BarRefiner {

    private final LatentRefiner.ArgmaxDecoder decoder;
    private final BarLikelihood likelihood;

    /** @param weights every decoder variable of {@code config} by Magenta name (read only, kept) */
    BarRefiner(ModelConfig config, Map<String, float[]> weights, LatentRefiner.ArgmaxDecoder decoder) {
        this.decoder = decoder;
        this.likelihood = BarLikelihood.create(config, weights);
    }

    List<Encoding> refine(float[][] mu, int[][] labels, RefineOptions options, long start) {
        int n = mu.length;
        boolean timed = options.budgetMillis() > 0;
        long deadline = start + options.budgetMillis() * 1_000_000L * n;
        Melody[] melodies = new Melody[n];
        for (int m = 0; m < n; m++) {
            melodies[m] = new Melody(mu[m], labels[m], likelihood.embeddings(mu[m]), likelihood.barLength());
        }
        for (int step = 0; ; step++) {
            List<Bar> wrong = new ArrayList<>();
            for (Melody melody : melodies) {
                if (!melody.done) {
                    melody.bars.stream().filter(bar -> !bar.right).forEach(wrong::add);
                }
            }
            if (!wrong.isEmpty()) {
                evaluate(wrong, options.barPull());
            }
            confirmCandidates(melodies, step, start);
            boolean outOfBudget = step >= options.maxSteps() || timed && System.nanoTime() - deadline >= 0;
            boolean active = false;
            for (Melody melody : melodies) {
                if (melody.done) {
                    continue;
                }
                melody.tally(step);
                boolean outOfPatience = options.patience() > 0 && step - melody.bestStep >= options.patience();
                if (outOfBudget || outOfPatience) {
                    melody.finish(step, false, start);
                    continue;
                }
                active = true;
                for (Bar bar : melody.bars) {
                    if (!bar.right) {
                        bar.offset.step(options.barLearningRate());
                    }
                }
            }
            if (!active) {
                break;
            }
        }
        List<Encoding> out = new ArrayList<>(n);
        for (Melody melody : melodies) {
            out.add(melody.encoding());
        }
        return out;
    }

    /** One forward and backward pass over the bars still wrong. */
    private void evaluate(List<Bar> bars, double pull) {
        int size = likelihood.embeddingSize();
        float[] embeddings = new float[bars.size() * size];
        int[] before = new int[bars.size()];
        int[][] labels = new int[bars.size()][];
        for (int r = 0; r < bars.size(); r++) {
            Bar bar = bars.get(r);
            for (int d = 0; d < size; d++) {
                embeddings[r * size + d] = bar.embedding[d] + bar.offset.values[d];
            }
            before[r] = bar.before;
            labels[r] = bar.labels;
        }
        BarLikelihood.Result result = likelihood.evaluate(embeddings, before, labels);
        for (int r = 0; r < bars.size(); r++) {
            bars.get(r).take(result, r, pull);
        }
    }

    /** Melodies whose bars are all right are done if the kernel's argmax decode agrees; else their first wrong bar reopens. */
    private void confirmCandidates(Melody[] melodies, int step, long start) {
        List<Melody> candidates = Arrays.stream(melodies)
                .filter(melody -> !melody.done && melody.bars.stream().allMatch(bar -> bar.right)).toList();
        if (candidates.isEmpty()) {
            return;
        }
        float[][] z = new float[candidates.size()][];
        float[][] offsets = new float[candidates.size()][];
        for (int k = 0; k < z.length; k++) {
            z[k] = candidates.get(k).mean.clone();
            offsets[k] = candidates.get(k).offsets();
        }
        int[][] decoded = decoder.decode(z, offsets);
        for (int k = 0; k < z.length; k++) {
            Melody melody = candidates.get(k);
            if (Arrays.equals(decoded[k], melody.labels)) {
                melody.finish(step, true, start);
            } else {
                melody.reopenFirstBarDiffering(decoded[k]);
            }
        }
    }

    /** One melody: z fixed at its mean, and its bars. */
    private static final class Melody {

        final float[] mean;
        final int[] labels;
        final List<Bar> bars = new ArrayList<>();
        int bestTotal = Integer.MAX_VALUE;
        int bestStep;
        boolean done;
        boolean exact;
        int steps;
        double millis;

        /** @param embeddings {@code [S, E]} the conductor's embeddings of {@code mean} */
        Melody(float[] mean, int[] labels, float[] embeddings, int barLength) {
            this.mean = mean.clone();
            this.labels = labels;
            int segments = labels.length / barLength;
            int size = embeddings.length / segments;
            for (int s = 0; s < segments; s++) {
                bars.add(new Bar(Arrays.copyOfRange(embeddings, s * size, (s + 1) * size),
                        s == 0 ? -1 : labels[s * barLength - 1],
                        Arrays.copyOfRange(labels, s * barLength, (s + 1) * barLength)));
            }
        }

        /** Records the step of a new fewest total of the bars' best mistakes (patience counts from it). */
        void tally(int step) {
            int total = bars.stream().mapToInt(bar -> bar.bestMistakes).sum();
            if (total < bestTotal) {
                bestTotal = total;
                bestStep = step;
            }
        }

        /** The current offsets {@code [S·E]}. */
        float[] offsets() {
            return concat(bars.stream().map(bar -> bar.offset.values).toList());
        }

        /**
         * Reopens the first bar the decode gets wrong: its teacher-forced argmax was right, so it sits at a
         * near tie. The bars after it read its wrong last label in the decode, so they may differ without
         * being wrong themselves.
         */
        void reopenFirstBarDiffering(int[] decoded) {
            int length = bars.get(0).labels.length;
            for (int s = 0; s < bars.size(); s++) {
                if (!Arrays.equals(decoded, s * length, (s + 1) * length, labels, s * length, (s + 1) * length)) {
                    bars.get(s).right = false;
                    return;
                }
            }
        }

        void finish(int step, boolean exactDecode, long start) {
            done = true;
            exact = exactDecode;
            steps = step;
            millis = (System.nanoTime() - start) / 1e6;
        }

        Encoding encoding() {
            List<LatentVector> offsets = bars.stream()
                    .map(bar -> new LatentVector(exact ? bar.offset.values : bar.best)).toList();
            int mistakes = exact ? 0 : bars.stream().mapToInt(bar -> bar.bestMistakes).sum();
            return new Encoding(new LatentCode(new LatentVector(mean), offsets), new LatentVector(mean), exact,
                    mistakes, steps, millis);
        }

        private static float[] concat(List<float[]> parts) {
            float[] out = new float[parts.stream().mapToInt(p -> p.length).sum()];
            int at = 0;
            for (float[] part : parts) {
                System.arraycopy(part, 0, out, at, part.length);
                at += part.length;
            }
            return out;
        }
    }

    /** One bar: its conductor embedding, the label before it, its labels and its offset under Adam. */
    private static final class Bar {

        final float[] embedding;
        final int before;
        final int[] labels;
        final AdamVector offset;
        float[] best;
        int bestMistakes = Integer.MAX_VALUE;
        boolean right;

        Bar(float[] embedding, int before, int[] labels) {
            this.embedding = embedding;
            this.before = before;
            this.labels = labels;
            this.offset = new AdamVector(new float[embedding.length]);
            this.best = offset.values.clone();
        }

        /** Reads row r of a pass: its mistakes and {@code ∂/∂offset (nll + μ·½|offset|²) = dE + μ·offset}. */
        void take(BarLikelihood.Result result, int r, double pull) {
            int mistakes = result.mistakes()[r];
            if (mistakes <= bestMistakes) {
                bestMistakes = mistakes;
                best = offset.values.clone();
            }
            right = mistakes == 0;
            offset.setGradient(result.dEmbeddings(), r * embedding.length, pull);
        }
    }
}
