package org.melodypalette.model.backprop;

import java.util.Arrays;
import java.util.List;
import org.melodypalette.model.cpu.Rows;

/**
 * Magenta's categorical LSTM decoder in training (docs/ARCHITECTURE.md §6), forward and backward, on
 * {@code N} rows of {@code T} steps: the state starts at {@code tanh(latent·K + b)}, layer 0 reads
 * {@code concat(previous one-hot, latent)} (the one-hot's share is a kernel row, the latent's is
 * computed once per run), logits are the top h times the output projection. The flat decoder
 * (rows = sequences, latent = z) and the hierarchical model's bar decoder (rows = bars, latent =
 * the bar's conductor embedding) are both this.
 *
 * <p>Under scheduled sampling the previous label of step t ≥ 1 is, where the mask says so,
 * {@code argmax(logits_{t−1} + noise_t)}: a draw from the model's own softmax, with no gradient
 * through the draw. Loss per row is the summed cross-entropy; its gradient on the logits is
 * {@code (softmax − onehot)·scale}.
 */
final class NoteDecoderPass {

    private final int rows;
    private final int steps;
    private final int classes;
    private final int latentSize;
    private final LstmStackTape stack;
    private final float[] state;
    private final float[] latentGates;
    private final int[] previous;
    private final int[] targets;
    private final float[] logits;
    private final float[] dTop;
    private final float[] gateSums;
    private final float[] dState;
    private final float[] perturbed;
    private float[] latent;

    NoteDecoderPass(List<Integer> sizes, int classes, int latentSize, int rows, int steps) {
        this.rows = rows;
        this.steps = steps;
        this.classes = classes;
        this.latentSize = latentSize;
        this.stack = new LstmStackTape(sizes, rows, steps);
        this.state = new float[rows * stack.stateSize()];
        this.latentGates = new float[rows * 4 * sizes.get(0)];
        this.previous = new int[steps * rows];
        this.targets = new int[steps * rows];
        this.logits = new float[steps * rows * classes];
        this.dTop = new float[rows * stack.topSize()];
        this.gateSums = new float[rows * 4 * sizes.get(0)];
        this.dState = new float[rows * stack.stateSize()];
        this.perturbed = new float[classes];
    }

    /** Row {@code t·N + n} of the inputs: the previous label the teacher gives (−1 = none) and the target. */
    int[] previousLabels() {
        return previous;
    }

    int[] targetLabels() {
        return targets;
    }

    /**
     * Runs forward; the caller has filled {@link #previousLabels} and {@link #targetLabels}.
     *
     * @param latent  {@code [N, E]}, kept until {@link #backward}
     * @param mask    {@code [T·N]} time-major, 1 = teacher's label, 0 = the model's sample; null = teacher forcing
     * @param noise   {@code [T·N, C]} Gumbel noise of the samples (read where the mask is 0)
     * @param rowLoss {@code [N]} set to each row's summed cross-entropy
     * @return how many steps' argmax equals the target
     */
    long forward(DecoderWeights w, float[] latent, float[] mask, float[] noise, double[] rowLoss, Arithmetic math) {
        this.latent = latent;
        w.initialState().forwardTanh(latent, rows, state, math);
        stack.begin(state);
        LstmStepWeights first = w.layers().get(0);
        int g4 = first.gates();
        Rows.broadcast(first.gateBias, g4, latentGates, 0, rows);
        // Rows [C, C + E) of layer 0's kernel are the latent's: latentGates [N, 4H] = latent·K[C:C+E] + b'.
        math.gemm(rows, g4, latentSize, latent, 0, latentSize, 1, first.kernel, classes * g4, g4,
                latentGates, 0, g4, true);
        LstmTape top = stack.top();
        int hTop = stack.topSize();
        for (int t = 0; t < steps; t++) {
            if (mask != null && t > 0) {
                sampleWhereMasked(t, mask, noise);
            }
            LayerInputs.gatherGates(first, previous, t * rows, rows, latentGates, g4, stack.tapes[0].gates,
                    stack.tapes[0].gateOffset(t), math);
            stack.step(w.layers(), t, math);
            int lo = t * rows * classes;
            Rows.broadcast(w.output().bias, classes, logits, lo, rows);
            math.gemm(rows, top.h, top.stateOffset(t), hTop, 1, w.output().packedKernel(math), logits, lo, classes,
                    true);
        }
        return SoftmaxCrossEntropy.forward(logits, targets, steps * rows, classes, rowLoss, rows);
    }

    /** {@code previous[t] = argmax(logits_{t−1} + noise_t)} where the mask is 0. */
    private void sampleWhereMasked(int t, float[] mask, float[] noise) {
        for (int n = 0; n < rows; n++) {
            int r = t * rows + n;
            if (mask[r] != 0f) {
                continue;
            }
            int lo = ((t - 1) * rows + n) * classes;
            int no = r * classes;
            for (int c = 0; c < classes; c++) {
                perturbed[c] = logits[lo + c] + noise[no + c];
            }
            previous[r] = Rows.argmax(perturbed, 0, classes);
        }
    }

    /**
     * Adds to {@code mistakes[n]} the steps of row n whose most likely label is not the target
     * (the teacher-forced argmax); call between {@link #forward} and {@link #backward}.
     */
    void countMistakes(int[] mistakes) {
        for (int r = 0; r < steps * rows; r++) {
            if (Rows.argmax(logits, r * classes, classes) != targets[r]) {
                mistakes[r % rows]++;
            }
        }
    }

    /**
     * Backprop of the last {@link #forward} with loss {@code scale · Σ rowLoss}: adds every decoder
     * gradient to {@code grads} and sets {@code dLatent [N, E]}. With {@code grads} null only
     * {@code dLatent} is computed: the weight gradients' products are skipped (latent refinement).
     */
    void backward(DecoderWeights w, float scale, Parameters grads, float[] dLatent, Arithmetic math) {
        SoftmaxCrossEntropy.backward(logits, targets, steps * rows, classes, scale);
        LstmTape top = stack.top();
        int hTop = stack.topSize();
        if (grads != null) {
            // The output projection over all steps at once: dK += H_topᵀ·dLogits ([H, T·N]·[T·N, C]).
            math.gemm(hTop, classes, steps * rows, top.h, top.stateOffset(0), 1, hTop, logits, 0, classes,
                    grads.kernel(w.output().scope), 0, classes, true);
            math.addRows(logits, steps * rows, classes, grads.bias(w.output().scope));
        }
        stack.beginBackward();
        for (int t = steps - 1; t >= 0; t--) {
            math.gemm(rows, logits, t * rows * classes, classes, 1, w.output().packedTransposed(math), dTop, 0, hTop,
                    false);
            stack.backStep(w.layers(), t, dTop, math);
        }
        if (grads != null) {
            stack.addWeightGradients(w.layers(), grads, math);
        }
        layerZeroInputGradients(w.layers().get(0), grads, dLatent, math);
        stack.initialStateGradient(dState);
        w.initialState().backwardTanh(latent, state, dState, rows, grads, dLatent, true, math);
    }

    /**
     * The one-hot rows' and the latent's share of layer 0's kernel gradient, and
     * {@code dLatent = Σ_t dg0_t·K[C:C+E]ᵀ} (only the latter when {@code grads} is null).
     */
    private void layerZeroInputGradients(LstmStepWeights first, Parameters grads, float[] dLatent, Arithmetic math) {
        int g4 = first.gates();
        float[] gateGrads = stack.tapes[0].gateGrads;
        Arrays.fill(gateSums, 0f);
        for (int t = 0; t < steps; t++) {
            math.add(gateGrads, t * rows * g4, gateSums, 0, rows * g4);
        }
        if (grads != null) {
            float[] dKernel = grads.kernel(first.scope);
            LayerInputs.scatterGradients(first, previous, steps * rows, gateGrads, dKernel, math);
            math.gemm(latentSize, g4, rows, latent, 0, 1, latentSize, gateSums, 0, g4, dKernel, classes * g4, g4,
                    true);
        }
        math.gemm(rows, latentSize, g4, gateSums, 0, g4, 1, first.inputTransposed(), classes, first.inputSize,
                dLatent, 0, latentSize, false);
    }
}
