package org.melodypalette.model.net;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.config.ModelConfig.EncoderKind;

/**
 * Every variable of a MusicVAE, with Magenta's names and shapes (see {@code ARCHITECTURE.md} §3–§6),
 * in the order we write them to a manifest, and their initial values.
 *
 * <pre>
 * encoder/cell_k/bidirectional_rnn/{fw,bw}/multi_rnn_cell/cell_0/lstm_cell/{kernel,bias}   flat, layer k
 * encoder/hierarchical_level_l/cell_0/bidirectional_rnn/{fw,bw}/multi_rnn_cell/cell_0/...  hierarchical, level l
 * encoder/{mu,sigma}/{kernel [2·H_enc, z], bias [z]}
 * decoder/hierarchical_level_0/initial_state/{kernel [z, 2·ΣH_cond], bias}                 conductor
 * decoder/hierarchical_level_0/cell_k/lstm_cell/{kernel, bias}                              (cell_0 input: 1 dummy)
 * D/z_to_initial_state/{kernel [z', 2·ΣH_dec], bias}     D = decoder (flat) or core_decoder/decoder
 * D/multi_rnn_cell/cell_k/lstm_cell/{kernel, bias}         cell_0 input: 90 + z'  (z' = z, or H_cond for core)
 * D/output_projection/{kernel [H_dec_last, 90], bias [90]}
 * </pre>
 * LSTM kernels are TF BasicLSTMCell's {@code [in + H, 4H]} over {@code concat(x, h)}, gates i, j, f, o.
 *
 * <p>Initial values follow TF's defaults as Magenta uses them: Glorot-uniform kernels, zero biases,
 * and {@code N(0, 0.001²)} for the mu and sigma kernels.
 */
public final class MusicVaeVariables {

    /** How a variable starts. */
    public enum Init { GLOROT_UNIFORM, NORMAL_STDDEV_0_001, ZEROS }

    /** One variable: Magenta name, shape and initialiser. */
    public record Spec(String name, List<Integer> shape, Init init) {
        public Spec {
            shape = List.copyOf(shape);
        }

        public int[] shapeArray() {
            return shape.stream().mapToInt(Integer::intValue).toArray();
        }

        public int elementCount() {
            return shape.stream().reduce(1, (a, b) -> a * b);
        }
    }

    static final String FW = "fw";
    static final String BW = "bw";
    static final String MU = "encoder/mu/";
    static final String SIGMA = "encoder/sigma/";
    static final String FLAT_DECODER = "decoder/";
    static final String CORE_DECODER = "core_decoder/decoder/";
    static final String CONDUCTOR = "decoder/hierarchical_level_0/";
    static final String KERNEL = "kernel";
    static final String BIAS = "bias";

    private MusicVaeVariables() {
    }

    /** The variables of {@code config}, in manifest order. */
    public static List<Spec> specs(ModelConfig config) {
        List<Spec> specs = new ArrayList<>();
        int classes = config.numClasses();
        List<Integer> enc = config.encoderSizes();
        for (int k = 0; k < enc.size(); k++) {
            int input = k == 0 ? classes : 2 * enc.get(k - 1);
            for (String direction : List.of(FW, BW)) {
                addLstm(specs, encoderCellScope(config, k, direction), input, enc.get(k));
            }
        }
        int encoded = 2 * enc.get(enc.size() - 1);
        addDense(specs, MU, encoded, config.zSize(), Init.NORMAL_STDDEV_0_001);
        addDense(specs, SIGMA, encoded, config.zSize(), Init.NORMAL_STDDEV_0_001);
        int decoderLatent = config.zSize();
        if (config.decoder() == DecoderKind.HIERARCHICAL) {
            List<Integer> cond = config.conductorSizes();
            addDense(specs, CONDUCTOR + "initial_state/", config.zSize(), 2 * sum(cond), Init.GLOROT_UNIFORM);
            for (int k = 0; k < cond.size(); k++) {
                addLstm(specs, conductorCellScope(k), k == 0 ? 1 : cond.get(k - 1), cond.get(k));
            }
            decoderLatent = cond.get(cond.size() - 1);
        }
        String decoder = decoderScope(config);
        List<Integer> dec = config.decoderSizes();
        addDense(specs, decoder + "z_to_initial_state/", decoderLatent, 2 * sum(dec), Init.GLOROT_UNIFORM);
        for (int k = 0; k < dec.size(); k++) {
            addLstm(specs, decoderCellScope(decoder, k), k == 0 ? classes + decoderLatent : dec.get(k - 1),
                    dec.get(k));
        }
        addDense(specs, decoder + "output_projection/", dec.get(dec.size() - 1), classes, Init.GLOROT_UNIFORM);
        return specs;
    }

    /** Fresh initial weights for {@code config}, drawn from {@code seed} in spec order. */
    public static WeightSet initialize(ModelConfig config, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<WeightTensor> tensors = new ArrayList<>();
        for (Spec spec : specs(config)) {
            float[] values = new float[spec.elementCount()];
            if (spec.init() == Init.GLOROT_UNIFORM) {
                double limit = Math.sqrt(6.0 / (spec.shape().get(0) + spec.shape().get(1)));
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) ((2 * random.nextDouble() - 1) * limit);
                }
            } else if (spec.init() == Init.NORMAL_STDDEV_0_001) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (0.001 * random.nextGaussian());
                }
            }
            tensors.add(new WeightTensor(spec.name(), spec.shapeArray(), values));
        }
        return new WeightSet(tensors);
    }

    /**
     * Checks that {@code weights} holds every variable of {@code config} with its shape (extra
     * variables, such as cuDNN leftovers, are allowed).
     *
     * @throws IllegalArgumentException naming the first missing or mis-shaped variable
     */
    public static void requireMatches(ModelConfig config, WeightSet weights) {
        for (Spec spec : specs(config)) {
            weights.require(spec.name(), spec.shapeArray());
        }
    }

    /** Only the variables of {@code config}, in spec order. */
    public static WeightSet select(ModelConfig config, WeightSet weights) {
        requireMatches(config, weights);
        List<WeightTensor> tensors = new ArrayList<>();
        for (Spec spec : specs(config)) {
            tensors.add(weights.require(spec.name()));
        }
        return new WeightSet(tensors);
    }

    static String encoderCellScope(ModelConfig config, int layer, String direction) {
        String level = config.encoder() == EncoderKind.HIERARCHICAL
                ? "encoder/hierarchical_level_" + layer + "/cell_0/"
                : "encoder/cell_" + layer + "/";
        return level + "bidirectional_rnn/" + direction + "/multi_rnn_cell/cell_0/lstm_cell/";
    }

    static String conductorCellScope(int layer) {
        return CONDUCTOR + "cell_" + layer + "/lstm_cell/";
    }

    static String decoderScope(ModelConfig config) {
        return config.decoder() == DecoderKind.HIERARCHICAL ? CORE_DECODER : FLAT_DECODER;
    }

    static String decoderCellScope(String decoderScope, int layer) {
        return decoderScope + "multi_rnn_cell/cell_" + layer + "/lstm_cell/";
    }

    static int sum(List<Integer> sizes) {
        return sizes.stream().mapToInt(Integer::intValue).sum();
    }

    private static void addLstm(List<Spec> specs, String scope, int input, int hidden) {
        specs.add(new Spec(scope + KERNEL, List.of(input + hidden, 4 * hidden), Init.GLOROT_UNIFORM));
        specs.add(new Spec(scope + BIAS, List.of(4 * hidden), Init.ZEROS));
    }

    private static void addDense(List<Spec> specs, String scope, int input, int output, Init kernelInit) {
        specs.add(new Spec(scope + KERNEL, List.of(input, output), kernelInit));
        specs.add(new Spec(scope + BIAS, List.of(output), Init.ZEROS));
    }
}
