package org.melodypalette.model.infer;

import java.util.List;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.config.ModelConfig.EncoderKind;
import org.melodypalette.model.layers.MagentaVariables;

/**
 * docs/ARCHITECTURE.md written out as directly as possible, in double precision, with concatenated
 * inputs and no layout tricks: the oracle for architectures the magenta.js goldens do not cover
 * (stacked encoder layers, odd sizes that need padding, three-layer decoders).
 */
final class ReferenceMusicVae {

    private final ModelConfig config;
    private final WeightSet weights;

    ReferenceMusicVae(ModelConfig config, WeightSet weights) {
        this.config = config;
        this.weights = weights;
    }

    double[] encode(int[] labels) {
        double[][] inputs = new double[labels.length][];
        for (int t = 0; t < labels.length; t++) {
            inputs[t] = oneHot(labels[t]);
        }
        double[] encoded;
        if (config.encoder() == EncoderKind.FLAT) {
            double[][] sequence = inputs;
            encoded = null;
            for (int k = 0; k < config.encoderSizes().size(); k++) {
                int layer = k;
                double[][] outputs = new double[sequence.length][];
                encoded = bidirectional(sequence, forward -> MagentaVariables.flatEncoderCell(layer, forward), outputs);
                sequence = outputs;
            }
        } else {
            int segments = config.numSegments();
            int length = labels.length / segments;
            double[][] chunks = new double[segments][];
            for (int s = 0; s < segments; s++) {
                double[][] chunk = java.util.Arrays.copyOfRange(inputs, s * length, (s + 1) * length);
                chunks[s] = bidirectional(chunk, forward -> MagentaVariables.hierarchicalEncoderCell(0, forward), null);
            }
            encoded = bidirectional(chunks, forward -> MagentaVariables.hierarchicalEncoderCell(1, forward), null);
        }
        return dense(MagentaVariables.MU, encoded);
    }

    double[][] teacherForcedLogits(double[] z, int[] labels) {
        double[][] logits = new double[labels.length][];
        String scope = MagentaVariables.noteDecoderScope(config);
        int segments = config.decoder() == DecoderKind.HIERARCHICAL ? config.numSegments() : 1;
        int length = labels.length / segments;
        double[][] conductor = config.decoder() == DecoderKind.HIERARCHICAL
                ? initialState(MagentaVariables.CONDUCTOR_INITIAL_STATE, z, config.conductorSizes()) : null;
        double[] previous = new double[config.numClasses()];
        for (int s = 0; s < segments; s++) {
            double[] embedding = z;
            if (conductor != null) {
                embedding = stackStep(conductor, new double[1], MagentaVariables::conductorCell);
            }
            double[][] state = initialState(MagentaVariables.zToInitialState(scope), embedding, config.decoderSizes());
            for (int t = 0; t < length; t++) {
                double[] top = stackStep(state, concat(previous, embedding), k -> MagentaVariables.decoderCell(scope, k));
                logits[s * length + t] = dense(MagentaVariables.outputProjection(scope), top);
                previous = oneHot(labels[s * length + t]);
            }
        }
        return logits;
    }

    /** Final {@code [h_fw | h_bw]}; {@code outputs[t]} (if given) gets {@code [h_fw(t) | h_bw(t)]}. */
    private double[] bidirectional(double[][] inputs, java.util.function.Function<Boolean, String> scope, double[][] outputs) {
        int hidden = weights.require(MagentaVariables.bias(scope.apply(true))).dim(0) / 4;
        double[][] fw = new double[inputs.length][];
        double[][] bw = new double[inputs.length][];
        double[][] state = {new double[hidden], new double[hidden]};
        for (int t = 0; t < inputs.length; t++) {
            state = lstm(scope.apply(true), inputs[t], state);
            fw[t] = state[1];
        }
        state = new double[][] {new double[hidden], new double[hidden]};
        for (int t = inputs.length - 1; t >= 0; t--) {
            state = lstm(scope.apply(false), inputs[t], state);
            bw[t] = state[1];
        }
        if (outputs != null) {
            for (int t = 0; t < inputs.length; t++) {
                outputs[t] = concat(fw[t], bw[t]);
            }
        }
        return concat(fw[inputs.length - 1], bw[0]);
    }

    /** {@code (c, h)} per layer from {@code tanh(e·W + b)}, split as c0, h0, c1, h1, ... */
    private double[][] initialState(String scope, double[] embedding, List<Integer> sizes) {
        double[] flat = dense(scope, embedding);
        double[][] state = new double[2 * sizes.size()][];
        int offset = 0;
        for (int k = 0; k < 2 * sizes.size(); k++) {
            int size = sizes.get(k / 2);
            state[k] = new double[size];
            for (int i = 0; i < size; i++) {
                state[k][i] = Math.tanh(flat[offset + i]);
            }
            offset += size;
        }
        return state;
    }

    /** One MultiRNNCell step; updates {@code state} in place and returns the top layer's h. */
    private double[] stackStep(double[][] state, double[] input, java.util.function.IntFunction<String> scope) {
        double[] x = input;
        for (int k = 0; k < state.length / 2; k++) {
            double[][] next = lstm(scope.apply(k), x, new double[][] {state[2 * k], state[2 * k + 1]});
            state[2 * k] = next[0];
            state[2 * k + 1] = next[1];
            x = next[1];
        }
        return x;
    }

    /** TF BasicLSTMCell: {@code g = [x, h]·K + b}, gates i, j, f, o, forget bias +1. */
    private double[][] lstm(String scope, double[] x, double[][] ch) {
        double[] g = dense(scope, concat(x, ch[1]));
        int hidden = ch[0].length;
        double[] c = new double[hidden];
        double[] h = new double[hidden];
        for (int u = 0; u < hidden; u++) {
            c[u] = sigmoid(g[u]) * Math.tanh(g[hidden + u]) + ch[0][u] * sigmoid(g[2 * hidden + u] + 1.0);
            h[u] = Math.tanh(c[u]) * sigmoid(g[3 * hidden + u]);
        }
        return new double[][] {c, h};
    }

    private double[] dense(String scope, double[] x) {
        WeightTensor kernel = weights.require(MagentaVariables.kernel(scope));
        float[] b = weights.require(MagentaVariables.bias(scope)).values();
        int out = kernel.dim(1);
        if (kernel.dim(0) != x.length) {
            throw new IllegalStateException(scope + ": input " + x.length + " vs kernel " + kernel.dim(0));
        }
        double[] y = new double[out];
        for (int j = 0; j < out; j++) {
            double sum = b[j];
            for (int i = 0; i < x.length; i++) {
                sum += x[i] * kernel.values()[i * out + j];
            }
            y[j] = sum;
        }
        return y;
    }

    private double[] oneHot(int label) {
        double[] v = new double[config.numClasses()];
        v[label] = 1;
        return v;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
