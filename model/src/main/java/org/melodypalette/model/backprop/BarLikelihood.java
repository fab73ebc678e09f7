package org.melodypalette.model.backprop;

import java.util.HashMap;
import java.util.Map;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.layers.ModelLayers;

/**
 * A hierarchical decoder's bars one at a time, for refining bar embeddings with z fixed: the
 * conductor's embeddings of a code, and the note decoder's pass of {@link DecoderLikelihood} on rows
 * that are single bars (of any melodies), each with its own embedding {@code e [E]}, the label
 * before it and its {@code L} labels:
 * <pre>
 *   nll[r] = Σ_t −log p(bar[r][t] | bar[r][&lt;t], before[r], e[r])      (t over the bar's L steps)
 *   dE [R, E] = ∂ nll[r] / ∂ e[r]
 * </pre>
 * Under teacher forcing a bar depends on nothing else (its decoder starts from its embedding and
 * reads the label before it), so the sum over a melody's bars is {@link DecoderLikelihood}'s nll of
 * that melody with the same embeddings, and rows can be any subset of bars.
 *
 * <p>One thread, one caller at a time.
 */
public final class BarLikelihood {

    /**
     * @param nll         {@code [R]} each bar's summed cross-entropy, in nats
     * @param mistakes    {@code [R]} steps whose teacher-forced argmax is not the bar's label
     * @param dEmbeddings {@code [R, E]} row-major, {@code ∂ nll[r] / ∂ e[r]}
     */
    public record Result(double[] nll, int[] mistakes, float[] dEmbeddings) {
    }

    /**
     * Rows are computed in passes of at most {@link #MAX_ROWS}, each of a multiple of {@link #ROW_QUANTUM} rows
     * (the rest copies of the last), so that at most 8 pass sizes are ever kept (a pass holds its tapes:
     * {@code ~8·L·H} floats per row).
     */
    private static final int ROW_QUANTUM = 4;
    private static final int MAX_ROWS = 32;

    private final ModelConfig config;
    private final Arithmetic math;
    private final StepWeights weights;
    private final int segments;
    private final int length;
    private final int embedding;
    private final ConductorPass conductor;
    private final Map<Integer, NoteDecoderPass> passes = new HashMap<>();

    private BarLikelihood(ModelConfig config, Map<String, float[]> weights) {
        if (config.decoder() != DecoderKind.HIERARCHICAL) {
            throw new IllegalArgumentException(config.name() + " has a flat decoder: it has no bars to refine alone");
        }
        this.config = config;
        this.math = Arithmetic.create(ComputeOptions.fromSystemProperties().kernel());
        this.weights = StepWeights.decoderOf(config, weights);
        this.segments = config.numSegments();
        this.length = config.numSteps() / segments;
        this.embedding = ModelLayers.of(config).noteEmbeddingSize();
        this.conductor = new ConductorPass(config.conductorSizes(), 1, segments);
    }

    /**
     * @param weights every decoder variable of {@code config} by Magenta name, row-major (read, not
     *                copied: keep them unchanged while this instance is used)
     * @throws IllegalArgumentException for a flat decoder, or naming a missing or mis-sized variable
     */
    public static BarLikelihood create(ModelConfig config, Map<String, float[]> weights) {
        return new BarLikelihood(config, weights);
    }

    /** Values of one bar's embedding: E. */
    public int embeddingSize() {
        return embedding;
    }

    /** Steps of one bar: L. */
    public int barLength() {
        return length;
    }

    /** @return the conductor's embeddings of one code {@code z [Z]}: {@code [S, E]} row-major, a new array */
    public float[] embeddings(float[] z) {
        if (z.length != config.zSize()) {
            throw new IllegalArgumentException("z has " + z.length + " values, expected " + config.zSize());
        }
        return conductor.forward(weights.conductor(), z, math).clone();
    }

    /**
     * Forward and backward on {@code R} bars.
     *
     * @param embeddings {@code [R, E]} each bar's embedding
     * @param before     {@code [R]} the label before each bar (−1 = none: a melody's first bar)
     * @param bars       {@code [R][L]} each bar's labels
     * @throws IllegalArgumentException naming the first input of the wrong size or a label out of range
     */
    public Result evaluate(float[] embeddings, int[] before, int[][] bars) {
        int rows = bars.length;
        requireInputs(embeddings, before, bars);
        Result result = new Result(new double[rows], new int[rows], new float[rows * embedding]);
        for (int from = 0; from < rows; from += MAX_ROWS) {
            evaluate(embeddings, before, bars, from, Math.min(rows, from + MAX_ROWS), result);
        }
        return result;
    }

    /** Rows {@code [from, to)} in one pass, padded to a multiple of {@link #ROW_QUANTUM} with copies of the last. */
    private void evaluate(float[] embeddings, int[] before, int[][] bars, int from, int to, Result result) {
        int rows = to - from;
        int padded = (rows + ROW_QUANTUM - 1) / ROW_QUANTUM * ROW_QUANTUM;
        NoteDecoderPass pass = passes.computeIfAbsent(padded,
                n -> new NoteDecoderPass(config.decoderSizes(), config.numClasses(), embedding, n, length));
        float[] latent = new float[padded * embedding];
        int[] previous = pass.previousLabels();
        int[] targets = pass.targetLabels();
        for (int n = 0; n < padded; n++) {
            int r = from + Math.min(n, rows - 1);
            System.arraycopy(embeddings, r * embedding, latent, n * embedding, embedding);
            for (int t = 0; t < length; t++) {
                previous[t * padded + n] = t == 0 ? before[r] : bars[r][t - 1];
                targets[t * padded + n] = bars[r][t];
            }
        }
        double[] rowLoss = new double[padded];
        int[] rowMistakes = new int[padded];
        float[] dLatent = new float[padded * embedding];
        pass.forward(weights.decoder(), latent, null, null, rowLoss, math);
        pass.countMistakes(rowMistakes);
        pass.backward(weights.decoder(), 1f, null, dLatent, math);
        System.arraycopy(rowLoss, 0, result.nll(), from, rows);
        System.arraycopy(rowMistakes, 0, result.mistakes(), from, rows);
        System.arraycopy(dLatent, 0, result.dEmbeddings(), from * embedding, rows * embedding);
    }

    private void requireInputs(float[] embeddings, int[] before, int[][] bars) {
        int rows = bars.length;
        if (rows == 0) {
            throw new IllegalArgumentException("no bars to evaluate");
        }
        if (embeddings.length != rows * embedding) {
            throw new IllegalArgumentException("embeddings have " + embeddings.length + " values, expected "
                    + rows * embedding);
        }
        if (before.length != rows) {
            throw new IllegalArgumentException(before.length + " labels before bars, expected " + rows);
        }
        for (int r = 0; r < rows; r++) {
            if (bars[r].length != length) {
                throw new IllegalArgumentException("bar " + r + " has " + bars[r].length + " steps, expected " + length);
            }
            if (before[r] < -1 || before[r] >= config.numClasses()) {
                throw new IllegalArgumentException("bar " + r + " follows label " + before[r] + ", outside -1.."
                        + (config.numClasses() - 1));
            }
            for (int label : bars[r]) {
                if (label < 0 || label >= config.numClasses()) {
                    throw new IllegalArgumentException("bar " + r + " has label " + label + ", outside 0.."
                            + (config.numClasses() - 1));
                }
            }
        }
    }
}
