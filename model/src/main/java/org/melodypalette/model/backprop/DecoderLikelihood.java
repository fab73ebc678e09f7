package org.melodypalette.model.backprop;

import java.util.Arrays;
import java.util.Map;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.layers.ModelLayers;
import org.melodypalette.model.config.ModelConfig.DecoderKind;

/**
 * The decoder half of the training step for latent refinement: for given codes {@code z [B, Z]}
 * and melodies {@code labels [B][T]}, the teacher-forced negative log-likelihood of each melody
 * and its gradient on z, through the same passes as {@link MusicVaeBackprop} (conductor, note
 * decoder) but without the encoder, the KL and any weight gradient:
 * <pre>
 *   flat:         nll[b] = Σ_t −log p(labels[b][t] | labels[b][&lt;t], z[b])
 *   hierarchical: the same through e = conductor(z) + offsets ─► bar embeddings ─► note decoder
 *   dz [B, Z] = ∂ Σ_b nll[b] / ∂z   (each row depends on its own z only)
 *   dBars [B·S, E] = ∂ Σ_b nll[b] / ∂e   (the gradient on each bar's embedding, and so on its offset)
 * </pre>
 * The per-bar offsets ({@code [B·S, E]}, row {@code b·S + s}, null = none) let refinement move each
 * bar's embedding away from what the conductor computes from z.
 * With the forward pass it counts each melody's teacher-forced argmax mistakes: a melody with none
 * is also what argmax decoding from z gives back (each step's argmax given the true prefix is the
 * true label, so the free-running decode never leaves it), up to rounding near ties.
 *
 * <p>One thread, one caller at a time; the arrays of a result are reused by the next call.
 */
public final class DecoderLikelihood {

    /**
     * @param nll      {@code [B]} each melody's summed cross-entropy, in nats
     * @param mistakes {@code [B]} steps whose teacher-forced argmax is not the melody's label
     * @param dz       {@code [B, Z]} row-major, {@code ∂ nll[b] / ∂ z[b]}
     * @param dBars    {@code [B·S, E]} row {@code b·S + s}: {@code ∂ nll[b]} on bar s's embedding (S = 1 and
     *                 E = Z for a flat decoder, where it equals dz)
     */
    public record Result(double[] nll, int[] mistakes, float[] dz, float[] dBars) {
    }

    private final ModelConfig config;
    private final int batch;
    private final int segments;
    private final int length;
    private final Arithmetic math;
    private final StepWeights weights;
    private final ConductorPass conductor;
    private final NoteDecoderPass decoder;
    private final double[] rowLoss;
    private final int[] rowMistakes;
    private final float[] dLatent;
    private final float[] barInputs;
    private final double[] nll;
    private final int[] mistakes;
    private final float[] dz;

    private DecoderLikelihood(ModelConfig config, Map<String, float[]> weights, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("a batch of " + batch + " melodies: at least 1 is needed");
        }
        this.config = config;
        this.batch = batch;
        this.math = Arithmetic.create(ComputeOptions.fromSystemProperties().kernel());
        this.weights = StepWeights.decoderOf(config, weights);
        boolean hierarchical = config.decoder() == DecoderKind.HIERARCHICAL;
        this.segments = hierarchical ? config.numSegments() : 1;
        this.length = config.numSteps() / segments;
        this.conductor = hierarchical ? new ConductorPass(config.conductorSizes(), batch, segments) : null;
        int embedding = ModelLayers.of(config).noteEmbeddingSize();
        int rows = batch * segments;
        this.decoder = new NoteDecoderPass(config.decoderSizes(), config.numClasses(), embedding, rows, length);
        this.rowLoss = new double[rows];
        this.rowMistakes = new int[rows];
        this.dLatent = new float[rows * embedding];
        this.barInputs = hierarchical ? new float[rows * embedding] : null;
        this.nll = new double[batch];
        this.mistakes = new int[batch];
        this.dz = new float[batch * config.zSize()];
    }

    /**
     * @param weights every variable of {@code config} by Magenta name, row-major (read, not copied: keep
     *                them unchanged while this instance is used)
     * @param batch   melodies per call
     * @throws IllegalArgumentException naming a missing or mis-sized variable, or a batch below 1
     */
    public static DecoderLikelihood create(ModelConfig config, Map<String, float[]> weights, int batch) {
        return new DecoderLikelihood(config, weights, batch);
    }

    public int batch() {
        return batch;
    }

    /** Values of one melody's per-bar offsets: {@code S·E} (0 for a flat decoder, which has none). */
    public static int barOffsetSize(ModelConfig config) {
        return config.decoder() == DecoderKind.HIERARCHICAL
                ? config.numSegments() * ModelLayers.of(config).noteEmbeddingSize() : 0;
    }

    /**
     * Forward and backward for the codes {@code z [B, Z]} (row-major) and the melodies {@code labels [B][T]}.
     *
     * @throws IllegalArgumentException naming the first input of the wrong size or a label out of range
     */
    public Result evaluate(float[] z, int[][] labels) {
        return evaluate(z, null, labels);
    }

    /**
     * The same with each bar's embedding moved by {@code barOffsets [B·S, E]} (row {@code b·S + s};
     * null = none; a flat decoder takes none).
     *
     * @throws IllegalArgumentException naming the first input of the wrong size or a label out of range
     */
    public Result evaluate(float[] z, float[] barOffsets, int[][] labels) {
        requireInputs(z, labels);
        if (barOffsets != null && barOffsets.length != batch * barOffsetSize(config)) {
            throw new IllegalArgumentException("bar offsets have " + barOffsets.length + " values, expected "
                    + batch * barOffsetSize(config));
        }
        float[] latent = conductor == null ? z : conductor.forward(weights.conductor(), z, math);
        if (barOffsets != null && conductor != null) {
            for (int i = 0; i < barInputs.length; i++) {
                barInputs[i] = latent[i] + barOffsets[i];
            }
            latent = barInputs;
        }
        BatchShard.teacherInputs(labels, 0, batch, segments, length, decoder.previousLabels(),
                decoder.targetLabels());
        decoder.forward(weights.decoder(), latent, null, null, rowLoss, math);
        Arrays.fill(rowMistakes, 0);
        decoder.countMistakes(rowMistakes);
        Arrays.fill(nll, 0);
        Arrays.fill(mistakes, 0);
        for (int r = 0; r < batch * segments; r++) {
            nll[r / segments] += rowLoss[r];
            mistakes[r / segments] += rowMistakes[r];
        }
        decoder.backward(weights.decoder(), 1f, null, dLatent, math);
        if (conductor == null) {
            System.arraycopy(dLatent, 0, dz, 0, dz.length);
        } else {
            Arrays.fill(dz, 0f);
            conductor.backward(weights.conductor(), dLatent, null, dz, math);
        }
        return new Result(nll, mistakes, dz, dLatent);
    }

    private void requireInputs(float[] z, int[][] labels) {
        if (z.length != batch * config.zSize()) {
            throw new IllegalArgumentException("z has " + z.length + " values, expected " + batch * config.zSize());
        }
        if (labels.length != batch) {
            throw new IllegalArgumentException(labels.length + " melodies, expected " + batch);
        }
        for (int b = 0; b < batch; b++) {
            if (labels[b].length != config.numSteps()) {
                throw new IllegalArgumentException("melody " + b + " has " + labels[b].length + " steps, expected "
                        + config.numSteps());
            }
            for (int label : labels[b]) {
                if (label < 0 || label >= config.numClasses()) {
                    throw new IllegalArgumentException("melody " + b + " has label " + label + ", outside 0.."
                            + (config.numClasses() - 1));
                }
            }
        }
    }
}
