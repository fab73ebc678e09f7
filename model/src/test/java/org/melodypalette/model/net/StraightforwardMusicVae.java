package org.melodypalette.model.net;

import java.util.ArrayList;
import java.util.List;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.config.ModelConfig.EncoderKind;
import org.melodypalette.model.cpu.BasicLstmCell;
import org.melodypalette.model.layers.MagentaVariables;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Benchmark baseline only (never shipped): MusicVAE's training graph written the straightforward
 * way, op by op from docs/ARCHITECTURE.md, with no fused op and no hoisting: every LSTM step is
 * {@code concat(x, h)·K + b → split(i, j, f, o)} with the forget bias added at that step, the
 * encoder's two directions run as separate cells, every decoder step concatenates its input
 * {@code (previous one-hot, z or bar embedding)}, and every step has its own output projection,
 * log-softmax and cross-entropy. Same placeholders, outputs and variable names as
 * {@link MusicVaeGraph}, so the same feeds and training step run on both and the losses can be
 * compared on the same weights.
 *
 * <p>The batch size is fixed at build time (zero initial states and the first step's zero
 * "previous" input are constants).
 */
public final class StraightforwardMusicVae {

    private final SameDiff sd;
    private final ModelConfig config;
    private final int batch;
    private final List<String> variableNames = new ArrayList<>();
    private RunArrays runArrays;

    private StraightforwardMusicVae(ModelConfig config, int batch) {
        this.sd = SameDiff.create();
        this.config = config;
        this.batch = batch;
    }

    /** The graph with {@code weights} as its variables; feeds as {@link MusicVaeGraph#feed}. */
    public static StraightforwardMusicVae build(ModelConfig config, WeightSet weights, DataType dataType,
                                                int batch) {
        MusicVaeVariables.requireMatches(config, weights);
        StraightforwardMusicVae graph = new StraightforwardMusicVae(config, batch);
        for (MusicVaeVariables.Spec spec : MusicVaeVariables.specs(config)) {
            graph.sd.var(spec.name(), MusicVaeGraph.toArray(weights.require(spec.name()), dataType));
            graph.variableNames.add(spec.name());
        }
        graph.define(dataType);
        return graph;
    }

    public SameDiff sameDiff() {
        return sd;
    }

    public List<String> variableNames() {
        return List.copyOf(variableNames);
    }

    /**
     * As {@link MusicVaeGraph#trackRunArrays}, so that the baseline frees its step's arrays the way
     * training does (single thread only).
     */
    public void trackRunArrays() {
        if (runArrays == null) {
            runArrays = RunArrays.installOnCurrentThread(sd);
        }
    }

    /** As {@link MusicVaeGraph#closeRunArrays}. */
    public void closeRunArrays() {
        if (runArrays != null) {
            runArrays.closeAll();
        }
    }

    private void define(DataType dataType) {
        int steps = config.numSteps();
        int classes = config.numClasses();
        SDVariable input = sd.placeHolder(MusicVaeGraph.INPUT, dataType, -1, steps, classes);
        SDVariable eps = sd.placeHolder(MusicVaeGraph.EPS, dataType, -1, config.zSize());
        SDVariable beta = sd.placeHolder(MusicVaeGraph.BETA, dataType);
        SDVariable encoded = encode(input);
        SDVariable mu = dense(encoded, MagentaVariables.MU).rename(MusicVaeGraph.MU);
        SDVariable sigma = sd.nn.softplus(dense(encoded, MagentaVariables.SIGMA)).rename(MusicVaeGraph.SIGMA);
        SDVariable z = mu.add(sigma.mul(eps)).rename(MusicVaeGraph.Z);

        SDVariable[] targets = sd.unstack(input, 1, steps);
        List<SDVariable> logits = config.decoder() == DecoderKind.FLAT
                ? decodeSteps(z, targets, 0, steps, null)
                : decodeHierarchically(z, targets);
        SDVariable rLoss = null;
        for (int t = 0; t < steps; t++) {
            SDVariable nll = sd.nn.logSoftmax(logits.get(t)).mul(targets[t]).sum(1).neg();
            rLoss = rLoss == null ? nll : rLoss.add(nll);
        }
        rLoss.rename(MusicVaeGraph.R_LOSS);
        sd.reshape(sd.stack(1, logits.toArray(SDVariable[]::new)), -1, classes).rename(MusicVaeGraph.LOGITS);
        SDVariable kl = sd.math.square(mu).add(sd.math.square(sigma)).sub(1.0).mul(0.5)
                .sub(sd.math.log(sigma)).sum(1).rename(MusicVaeGraph.KL);
        SDVariable klCost = sd.nn.relu(kl.sub(config.training().freeBits() * Math.log(2)), 0.0)
                .rename(MusicVaeGraph.KL_COST);
        rLoss.mean().add(beta.mul(klCost.mean())).rename(MusicVaeGraph.LOSS);
        sd.setLossVariables(MusicVaeGraph.LOSS);
    }

    private SDVariable encode(SDVariable input) {
        List<Integer> sizes = config.encoderSizes();
        if (config.encoder() == EncoderKind.FLAT) {
            SDVariable[] x = sd.unstack(input, 1, config.numSteps());
            for (int k = 0; k < sizes.size() - 1; k++) {
                x = bidirectional(x, k, sizes.get(k), true);
            }
            return bidirectional(x, sizes.size() - 1, sizes.get(sizes.size() - 1), false)[0];
        }
        // Every segment encoded independently: [B, T, C] → [B·S, T/S, C].
        SDVariable perSegment = sd.reshape(input, -1, config.stepsPerSegment(), config.numClasses());
        SDVariable codes = bidirectional(sd.unstack(perSegment, 1, config.stepsPerSegment()), 0, sizes.get(0),
                false)[0];
        SDVariable sequence = sd.reshape(codes, -1, config.numSegments(), 2L * sizes.get(0));
        return bidirectional(sd.unstack(sequence, 1, config.numSegments()), 1, sizes.get(1), false)[0];
    }

    /**
     * One bidirectional layer over per-step inputs {@code [N, in]}, zero initial states.
     *
     * @return per-step {@code concat(fw h_t, bw h_t)}, or (if {@code !allSteps}) only
     * {@code concat(fw h after T−1, bw h after 0)}
     */
    private SDVariable[] bidirectional(SDVariable[] x, int layer, int hidden, boolean allSteps) {
        int steps = x.length;
        long rows = config.encoder() == EncoderKind.HIERARCHICAL && layer == 0
                ? (long) batch * config.numSegments() : batch;
        SDVariable[] forward = new SDVariable[steps];
        SDVariable[] backward = new SDVariable[steps];
        String fw = MagentaVariables.encoderCell(config.encoder() == EncoderKind.HIERARCHICAL, layer, true);
        String bw = MagentaVariables.encoderCell(config.encoder() == EncoderKind.HIERARCHICAL, layer, false);
        SDVariable[] state = {zeros(rows, hidden), zeros(rows, hidden)};
        for (int t = 0; t < steps; t++) {
            state = cell(fw, x[t], state);
            forward[t] = state[1];
        }
        state = new SDVariable[] {zeros(rows, hidden), zeros(rows, hidden)};
        for (int t = steps - 1; t >= 0; t--) {
            state = cell(bw, x[t], state);
            backward[t] = state[1];
        }
        if (!allSteps) {
            return new SDVariable[] {sd.concat(1, forward[steps - 1], backward[0])};
        }
        SDVariable[] outputs = new SDVariable[steps];
        for (int t = 0; t < steps; t++) {
            outputs[t] = sd.concat(1, forward[t], backward[t]);
        }
        return outputs;
    }

    /** Logits of steps {@code [from, to)}, each {@code [B, C]}; {@code previous} is the one-hot before {@code from}. */
    private List<SDVariable> decodeSteps(SDVariable latent, SDVariable[] targets, int from, int to,
                                         SDVariable previous) {
        String scope = MagentaVariables.noteDecoderScope(config);
        List<SDVariable[]> states = initialStates(latent, MagentaVariables.zToInitialState(scope),
                config.decoderSizes());
        List<SDVariable> logits = new ArrayList<>();
        SDVariable prev = previous == null ? zeros(batch, config.numClasses()) : previous;
        for (int t = from; t < to; t++) {
            SDVariable x = sd.concat(1, prev, latent);
            for (int k = 0; k < states.size(); k++) {
                states.set(k, cell(MagentaVariables.decoderCell(scope, k), x, states.get(k)));
                x = states.get(k)[1];
            }
            logits.add(dense(x, MagentaVariables.outputProjection(scope)));
            prev = targets[t];
        }
        return logits;
    }

    private List<SDVariable> decodeHierarchically(SDVariable z, SDVariable[] targets) {
        List<SDVariable[]> states = initialStates(z, MagentaVariables.CONDUCTOR_INITIAL_STATE,
                config.conductorSizes());
        List<SDVariable> logits = new ArrayList<>();
        int length = config.stepsPerSegment();
        for (int s = 0; s < config.numSegments(); s++) {
            SDVariable x = zeros(batch, 1);
            for (int k = 0; k < states.size(); k++) {
                states.set(k, cell(MagentaVariables.conductorCell(k), x, states.get(k)));
                x = states.get(k)[1];
            }
            logits.addAll(decodeSteps(x, targets, s * length, (s + 1) * length,
                    s == 0 ? null : targets[s * length - 1]));
        }
        return logits;
    }

    /** TF BasicLSTMCell: {@code state = {c, h}}. */
    private SDVariable[] cell(String scope, SDVariable x, SDVariable[] state) {
        SDVariable gates = sd.concat(1, x, state[1]).mmul(variable(MagentaVariables.kernel(scope)))
                .add(variable(MagentaVariables.bias(scope)));
        SDVariable[] ijfo = sd.split(gates, 4, 1);
        SDVariable c = sd.nn.sigmoid(ijfo[2].add(BasicLstmCell.FORGET_BIAS)).mul(state[0])
                .add(sd.nn.sigmoid(ijfo[0]).mul(sd.math.tanh(ijfo[1])));
        return new SDVariable[] {c, sd.math.tanh(c).mul(sd.nn.sigmoid(ijfo[3]))};
    }

    /** {@code tanh(e·K + b)} split into {@code {c, h}} per layer. */
    private List<SDVariable[]> initialStates(SDVariable embedding, String scope, List<Integer> sizes) {
        SDVariable s = sd.math.tanh(dense(embedding, scope));
        List<SDVariable[]> states = new ArrayList<>();
        int offset = 0;
        for (int size : sizes) {
            states.add(new SDVariable[] {
                    s.get(SDIndex.all(), SDIndex.interval(offset, offset + size)),
                    s.get(SDIndex.all(), SDIndex.interval(offset + size, offset + 2 * size))});
            offset += 2 * size;
        }
        return states;
    }

    private SDVariable dense(SDVariable x, String scope) {
        return x.mmul(variable(MagentaVariables.kernel(scope))).add(variable(MagentaVariables.bias(scope)));
    }

    private SDVariable variable(String name) {
        return sd.getVariable(name);
    }

    private SDVariable zeros(long rows, long columns) {
        DataType dataType = sd.getVariable(MusicVaeGraph.INPUT).dataType();
        return sd.constant(Nd4j.zeros(dataType, rows, columns));
    }
}
