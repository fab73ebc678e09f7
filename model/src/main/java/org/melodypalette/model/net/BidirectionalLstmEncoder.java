package org.melodypalette.model.net;

import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Magenta's {@code BidirectionalLstmEncoder} (docs/ARCHITECTURE.md §4): stacked bidirectional LSTM
 * layers over {@code [N, T, in]}, both directions from a zero state, layer k+1 reading
 * {@code concat(fw, bw)} outputs of layer k at each step; the result is
 * {@code concat(final fw h, final bw h)} of the last layer, {@code [N, 2H]} (the backward
 * direction's final h is the one after step 0).
 *
 * <p>Unrolled TF cells ({@link LstmCell}'s math), built for training speed: the two directions
 * run as one stacked state {@code [2, N, H]} (index 0 forward, 1 backward over the time-reversed
 * input), so each step is one batched recurrent product {@code [2, N, H]·[2, H, 4H]} and one set
 * of gate ops for both directions, half the ops of running them one after the other (about 6%
 * less CPU time per mel_2bar_cpu training step, docs/measurements/training-throughput.txt); the
 * input's share of the gates is one batched product for all steps before the loop. Not ND4J's
 * fused {@code lstmLayer}: in DL4J 1.0.0-M2.1 its backprop op never frees its per-call work arrays
 * (about 21 MB per direction and step at batch 64, 32 steps, 256 units). Time is reversed by a
 * product with the anti-identity (see {@link #reverseTime} for why not otherwise).
 */
final class BidirectionalLstmEncoder {

    /** One bidirectional layer: the forward and backward Magenta cells. */
    record Layer(LstmCell forward, LstmCell backward) {
    }

    private BidirectionalLstmEncoder() {
    }

    /**
     * @param input  {@code [N, T, in]}
     * @param steps T
     * @return {@code [N, 2·H_last]}
     */
    static SDVariable encode(SameDiff sd, SDVariable input, List<Layer> layers, int steps) {
        SDVariable x = input;
        for (int k = 0; k < layers.size(); k++) {
            boolean last = k == layers.size() - 1;
            SDVariable[] inputGates = projectInputGates(sd, x, steps, layers.get(k));
            SDVariable[] outputs = run(sd, inputGates, layers.get(k), !last);
            if (last) {
                // [2, N, H] → fw h after T−1, bw h after step 0: [N, 2H].
                SDVariable[] directions = sd.unstack(outputs[outputs.length - 1], 0, 2);
                return sd.concat(1, directions[0], directions[1]);
            }
            // Step s holds (fw h_s, bw h_{T−1−s}): [2, N, T, H] → per time step concat(fw, bw), [N, T, 2H].
            SDVariable all = sd.stack(2, outputs);
            SDVariable[] directions = sd.unstack(all, 0, 2);
            int hidden = layers.get(k).backward().hiddenSize();
            x = sd.concat(2, directions[0], reverseTime(sd, directions[1], steps, hidden));
        }
        throw new IllegalArgumentException("an encoder needs at least one layer");
    }

    /**
     * The input's share of the gates, {@code x·K_d[0:in] + b_d}, of every step and both directions
     * as one batched product {@code [2, N·T, in]·[2, in, 4H]} (backward over the time-reversed input).
     *
     * @return per step s, {@code [2, N, 4H]}: forward gates of step s, backward of step T−1−s
     */
    private static SDVariable[] projectInputGates(SameDiff sd, SDVariable x, int steps, Layer layer) {
        int in = layer.forward().inputSize();
        int h = layer.forward().hiddenSize();
        SDVariable inputs = sd.reshape(sd.stack(0, x, reverseTime(sd, x, steps, in)), 2, -1, in);
        SDVariable kernels = sd.stack(0, layer.forward().inputKernel(), layer.backward().inputKernel());
        SDVariable biases = sd.reshape(sd.stack(0, layer.forward().gateBias(), layer.backward().gateBias()),
                2, 1, 4L * h);
        SDVariable gates = sd.reshape(inputs.mmul(kernels).add(biases), 2, -1, steps, 4L * h);
        return sd.unstack(gates, 2, steps);
    }

    /**
     * {@code x} {@code [N, T, F]} with time reversed, as the anti-identity {@code J [T, T]} times
     * every sequence. Not ND4J's {@code reverse}: in 1.0.0-M2.1 it and its backprop never free the
     * N·F sub-array views they make per call (heaptrack: about 10 MB per hier-mel_16bar_cpu training
     * step, 512 bars of 90 classes, which made that run grow without bound). Not unstacking and
     * stacking the steps in reverse order either: that gives wrong gradients in M2.1, even for
     * the whole graph's other variables.
     */
    private static SDVariable reverseTime(SameDiff sd, SDVariable x, int steps, long features) {
        INDArray antiIdentity = Nd4j.zeros(x.dataType(), steps, steps);
        for (int t = 0; t < steps; t++) {
            antiIdentity.putScalar(t, steps - 1 - t, 1.0);
        }
        SDVariable timeMajor = sd.reshape(sd.permute(x, 1, 0, 2), steps, -1);             // [T, N·F]
        SDVariable reversed = sd.mmul(sd.constant(antiIdentity), timeMajor);              // [T, N·F]
        return sd.permute(sd.reshape(reversed, steps, -1, features), 1, 0, 2);              // [N, T, F]
    }

    /**
     * Both directions over all steps from zero states.
     *
     * @return per step the stacked h {@code [2, N, H]}; only the last one unless {@code allSteps}
     */
    private static SDVariable[] run(SameDiff sd, SDVariable[] inputGates, Layer layer, boolean allSteps) {
        SDVariable recurrent = sd.stack(0, layer.forward().recurrentKernel(), layer.backward().recurrentKernel());
        SDVariable[] outputs = new SDVariable[inputGates.length];
        SDVariable c = null;
        SDVariable h = null;
        for (int s = 0; s < inputGates.length; s++) {
            SDVariable g = s == 0 ? inputGates[0] : inputGates[s].add(h.mmul(recurrent));
            SDVariable[] ijfo = sd.split(g, 4, 2);
            SDVariable candidate = sd.nn.sigmoid(ijfo[0]).mul(sd.math.tanh(ijfo[1]));
            // The zero initial state makes step 0's forget term vanish.
            c = s == 0 ? candidate : candidate.add(c.mul(sd.nn.sigmoid(ijfo[2])));
            h = sd.math.tanh(c).mul(sd.nn.sigmoid(ijfo[3]));
            outputs[s] = h;
        }
        return allSteps ? outputs : new SDVariable[] {h};
    }
}
