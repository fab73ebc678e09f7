package org.melodypalette.model.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.EncoderKind;
import org.melodypalette.model.layers.DenseSpec;
import org.melodypalette.model.layers.LstmSpec;
import org.melodypalette.model.layers.ModelLayers;
import org.melodypalette.model.net.MusicVaeVariables.Spec;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * MusicVAE as one SameDiff training graph, with Magenta's math and variable names:
 * <pre>
 *   input [B, T, C] one-hot ──► encoder ──► final [B, 2H]
 *        flat:         BiLSTM layers over T steps
 *        hierarchical: BiLSTM over each of S segments ([B·S, T/S, C]) ─► BiLSTM over the S results
 *   mu = final·K_mu + b_mu          sigma = softplus(final·K_sigma + b_sigma)      [B, Z]
 *   z  = mu + sigma · eps           (eps [B, Z] is fed: zeros give z = mu)
 *   previous = input shifted one step right, zeros at t = 0                        [B, T, C]
 *        scheduled sampling:   step t may read a label sampled from step t−1's logits instead
 *                              (teacher_mask [B, T], sampling_noise [B, T, C], see {@link NoteDecoderGraph})
 *        flat decoder:         note decoder over T steps from z
 *        hierarchical decoder: conductor(z) ─► e_s [B, H_c] per segment;
 *                              note decoder over every segment at once: [B·S, T/S] from e_s
 *                              (each bar's first previous label is the true last label of the bar before)
 *   logits [B·T, C] ──► r_loss, kl, kl_cost, loss (see {@link VaeLoss})
 * </pre>
 * The graph is rebuilt in code from a {@link ModelConfig} and a {@link WeightSet} (about a second),
 * so checkpoints hold weights only.
 * SameDiff variables carry the Magenta names, so exporting weights is a copy.
 */
public final class MusicVaeGraph {

    /** Placeholder: one-hot sequences {@code [batch, T, C]}, both encoder input and target. */
    public static final String INPUT = "input";
    /** Placeholder: reparameterisation noise {@code [batch, Z]}. */
    public static final String EPS = "eps";
    /** Placeholder: KL weight, a scalar. */
    public static final String BETA = "beta";
    /**
     * Placeholder of {@link DecoderInputs#SCHEDULED_SAMPLING} graphs, {@code [batch, T]}: 1 where
     * step t reads the true previous label, 0 where it reads a label sampled from step t−1's logits.
     * Ignored at the first step of the sequence (or of each bar, hierarchical), which is always true.
     */
    public static final String TEACHER_MASK = "teacher_mask";
    /**
     * Placeholder of {@link DecoderInputs#SCHEDULED_SAMPLING} graphs, {@code [batch, T, C]}: Gumbel
     * noise; the label sampled for step t is {@code argmax(logits_{t−1} + noise[:, t])}.
     */
    public static final String SAMPLING_NOISE = "sampling_noise";
    /** Outputs. Per-sequence values are {@code [batch]}; {@code loss} is a scalar. */
    public static final String MU = "mu";
    public static final String SIGMA = "sigma";
    public static final String Z = "z";
    public static final String LOGITS = "logits";
    public static final String R_LOSS = "r_loss";
    public static final String KL = "kl";
    public static final String KL_COST = "kl_cost";
    public static final String LOSS = "loss";

    /** What the note decoder reads as the previous label in training. */
    public enum DecoderInputs {
        /** Always the true label. */
        TEACHER_FORCED,
        /** The true label or the model's own sample, as {@link #TEACHER_MASK} says per step. */
        SCHEDULED_SAMPLING
    }

    /**
     * How the hierarchical note decoder runs over the bars; both compute the same logits and
     * gradients (up to float reassociation).
     */
    enum BarDecoding {
        /** One decoder run over {@code [B·S, …]}: S times fewer, larger ops. Training uses this. */
        ALL_BARS_AT_ONCE,
        /** One decoder run of {@code [B, …]} per bar, as Magenta writes it; the reference in tests. */
        BAR_BY_BAR
    }

    private final ModelConfig config;
    private final DataType dataType;
    private final SameDiff sd;
    private final List<String> variableNames;
    private final DecoderInputs decoderInputs;
    /** Per thread: the memory manager of that thread's forward and gradient sessions, see {@link #trackRunArrays}. */
    private final Map<Long, RunArrays> runArrays = new ConcurrentHashMap<>();

    private MusicVaeGraph(ModelConfig config, DataType dataType, SameDiff sd, List<String> variableNames,
                          DecoderInputs decoderInputs) {
        this.config = config;
        this.dataType = dataType;
        this.sd = sd;
        this.variableNames = List.copyOf(variableNames);
        this.decoderInputs = decoderInputs;
    }

    /**
     * Builds the teacher-forced graph with {@code weights} as its variables ({@code FLOAT} for
     * training, {@code DOUBLE} for gradient checks).
     *
     * @throws IllegalArgumentException if a variable of {@code config} is missing or mis-shaped
     */
    public static MusicVaeGraph build(ModelConfig config, WeightSet weights, DataType dataType) {
        return build(config, weights, dataType, DecoderInputs.TEACHER_FORCED);
    }

    /**
     * Builds the graph with {@code weights} as its variables. A scheduled-sampling graph fed an
     * all-ones {@link #TEACHER_MASK} computes exactly what the teacher-forced graph computes.
     *
     * @throws IllegalArgumentException if a variable of {@code config} is missing or mis-shaped
     */
    public static MusicVaeGraph build(ModelConfig config, WeightSet weights, DataType dataType,
                                      DecoderInputs decoderInputs) {
        return build(config, weights, dataType, decoderInputs, BarDecoding.ALL_BARS_AT_ONCE);
    }

    /** As {@link #build(ModelConfig, WeightSet, DataType, DecoderInputs)}, bars decoded as {@code barDecoding} says. */
    static MusicVaeGraph build(ModelConfig config, WeightSet weights, DataType dataType, DecoderInputs decoderInputs,
                               BarDecoding barDecoding) {
        MusicVaeGraph encoder = buildEncoder(config, weights, dataType);
        SameDiff sd = encoder.sd;
        Map<String, SDVariable> vars = new HashMap<>();
        for (String name : encoder.variableNames) {
            vars.put(name, sd.getVariable(name));
        }
        int steps = config.numSteps();
        int classes = config.numClasses();
        SDVariable input = sd.getVariable(INPUT);
        SDVariable mu = sd.getVariable(MU);
        SDVariable sigma = sd.getVariable(SIGMA);
        SDVariable eps = sd.placeHolder(EPS, dataType, -1, config.zSize());
        SDVariable beta = sd.placeHolder(BETA, dataType);
        SDVariable z = mu.add(sigma.mul(eps)).rename(Z);

        SDVariable firstStep = input.get(SDIndex.all(), SDIndex.interval(0, 1), SDIndex.all());
        SDVariable previous = sd.concat(1, sd.zerosLike(firstStep),
                input.get(SDIndex.all(), SDIndex.interval(0, steps - 1), SDIndex.all()));
        SDVariable logits = decode(sd, config, vars, previous, decoderInputs, barDecoding, z).rename(LOGITS);

        SDVariable rLoss = VaeLoss.reconstruction(sd, logits, input, steps, classes).rename(R_LOSS);
        SDVariable kl = VaeLoss.kl(sd, mu, sigma).rename(KL);
        SDVariable klCost = VaeLoss.klCost(sd, kl, config.training().freeBits() * Math.log(2)).rename(KL_COST);
        rLoss.mean().add(beta.mul(klCost.mean())).rename(LOSS);
        sd.setLossVariables(LOSS);
        return new MusicVaeGraph(config, dataType, sd, encoder.variableNames, decoderInputs);
    }

    /**
     * Only the encoder: placeholder {@link #INPUT}, outputs {@link #MU} and {@link #SIGMA}; every
     * variable of the config is created (so weights can be exported), the decoder's stay unused.
     */
    static MusicVaeGraph buildEncoder(ModelConfig config, WeightSet weights, DataType dataType) {
        MusicVaeVariables.requireMatches(config, weights);
        SameDiff sd = SameDiff.create();
        Map<String, SDVariable> vars = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (Spec spec : MusicVaeVariables.specs(config)) {
            WeightTensor t = weights.require(spec.name());
            vars.put(spec.name(), sd.var(spec.name(), toArray(t, dataType)));
            names.add(spec.name());
        }
        SDVariable input = sd.placeHolder(INPUT, dataType, -1, config.numSteps(), config.numClasses());
        ModelLayers layers = ModelLayers.of(config);
        SDVariable encoded = encode(sd, config, layers, vars, input);
        dense(encoded, vars, layers.mu()).rename(MU);
        sd.nn.softplus(dense(encoded, vars, layers.sigma())).rename(SIGMA);
        return new MusicVaeGraph(config, dataType, sd, names, DecoderInputs.TEACHER_FORCED);
    }

    private static SDVariable encode(SameDiff sd, ModelConfig config, ModelLayers specs, Map<String, SDVariable> vars,
                                     SDVariable input) {
        List<BidirectionalLstmEncoder.Layer> layers = specs.encoder().stream()
                .map(layer -> new BidirectionalLstmEncoder.Layer(cell(sd, vars, layer.forward()),
                        cell(sd, vars, layer.backward())))
                .toList();
        if (config.encoder() == EncoderKind.FLAT) {
            return BidirectionalLstmEncoder.encode(sd, input, layers, config.numSteps());
        }
        // Level 0 encodes every segment independently: [B, T, C] → [B·S, T/S, C] → [B·S, 2·H0].
        int segments = config.numSegments();
        SDVariable perSegment = sd.reshape(input, -1, config.stepsPerSegment(), config.numClasses());
        SDVariable segmentCodes = BidirectionalLstmEncoder.encode(sd, perSegment, layers.subList(0, 1),
                config.stepsPerSegment());
        SDVariable sequenceOfCodes = sd.reshape(segmentCodes, -1, segments, specs.encoder().get(0).outputSize());
        return BidirectionalLstmEncoder.encode(sd, sequenceOfCodes, layers.subList(1, 2), segments);
    }

    private static SDVariable decode(SameDiff sd, ModelConfig config, Map<String, SDVariable> vars,
                                     SDVariable previous, DecoderInputs decoderInputs, BarDecoding barDecoding,
                                     SDVariable z) {
        ModelLayers layers = ModelLayers.of(config);
        int latent = layers.noteEmbeddingSize();
        List<LstmCell> cells = layers.decoder().stream().map(spec -> cell(sd, vars, spec)).toList();
        NoteDecoderGraph decoder = new NoteDecoderGraph(sd, cells,
                vars.get(layers.decoderInitialState().kernel()), vars.get(layers.decoderInitialState().bias()),
                vars.get(layers.outputProjection().kernel()), vars.get(layers.outputProjection().bias()),
                config.numClasses());
        int steps = config.numSteps();
        int classes = config.numClasses();
        SDVariable teacherMask = decoderInputs == DecoderInputs.TEACHER_FORCED ? null
                : sd.placeHolder(TEACHER_MASK, previous.dataType(), -1, steps);
        SDVariable samplingNoise = decoderInputs == DecoderInputs.TEACHER_FORCED ? null
                : sd.placeHolder(SAMPLING_NOISE, previous.dataType(), -1, steps, classes);
        if (!layers.hasConductor()) {
            return decoder.logits(decoder.run(decoder.projectPrevious(previous, steps),
                    scheduledInputs(decoder, previous, teacherMask, samplingNoise, steps), z, 0, steps));
        }
        List<LstmCell> conductorCells = layers.conductor().stream().map(spec -> cell(sd, vars, spec)).toList();
        ConductorGraph conductor = new ConductorGraph(sd, conductorCells,
                vars.get(layers.conductorInitialState().kernel()),
                vars.get(layers.conductorInitialState().bias()));
        List<SDVariable> embeddings = conductor.embeddings(z, config.numSegments());
        int length = config.stepsPerSegment();
        if (barDecoding == BarDecoding.BAR_BY_BAR) {
            SDVariable[] previousGates = decoder.projectPrevious(previous, steps);
            ScheduledInputs scheduled = scheduledInputs(decoder, previous, teacherMask, samplingNoise, steps);
            List<SDVariable> outputs = new ArrayList<>();
            for (int s = 0; s < embeddings.size(); s++) {
                outputs.addAll(decoder.run(previousGates, scheduled, embeddings.get(s), s * length, (s + 1) * length));
            }
            return decoder.logits(outputs);
        }
        // All bars at once, as B·S sequences of L steps: row b·S + s is bar s of sequence b. The
        // bars only depend on each other through the conductor's embeddings and the previous
        // labels, and both are known before the note decoder runs (the first step of a bar always
        // reads the true label, also under scheduled sampling). Row (b·S + s)·L + l of the logits
        // is then row b·T + s·L + l, the [B·T, C] order of the sequences.
        SDVariable barPrevious = sd.reshape(previous, -1, length, classes);
        SDVariable barLatents = sd.reshape(sd.stack(1, embeddings.toArray(SDVariable[]::new)), -1, latent);
        ScheduledInputs scheduled = scheduledInputs(decoder, barPrevious,
                teacherMask == null ? null : sd.reshape(teacherMask, -1, length),
                samplingNoise == null ? null : sd.reshape(samplingNoise, -1, length, classes), length);
        return decoder.logits(decoder.run(decoder.projectPrevious(barPrevious, length), scheduled, barLatents, 0,
                length));
    }

    /** Null (teacher forcing) when there is no mask. */
    private static ScheduledInputs scheduledInputs(NoteDecoderGraph decoder, SDVariable previous,
                                                   SDVariable teacherMask, SDVariable samplingNoise, int steps) {
        return teacherMask == null ? null : decoder.scheduledInputs(previous, teacherMask, samplingNoise, steps);
    }

    private static LstmCell cell(SameDiff sd, Map<String, SDVariable> vars, LstmSpec spec) {
        return new LstmCell(sd, vars.get(spec.kernel()), vars.get(spec.bias()), spec.inputSize(), spec.hidden());
    }

    private static SDVariable dense(SDVariable x, Map<String, SDVariable> vars, DenseSpec spec) {
        return x.mmul(vars.get(spec.kernel())).add(vars.get(spec.bias()));
    }

    static INDArray toArray(WeightTensor t, DataType dataType) {
        long[] shape = new long[t.rank()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = t.dim(i);
        }
        return Nd4j.create(t.values(), shape, 'c').castTo(dataType);
    }

    public ModelConfig config() {
        return config;
    }

    public DataType dataType() {
        return dataType;
    }

    /** The graph itself, for running outputs and gradients. */
    public SameDiff sameDiff() {
        return sd;
    }

    /**
     * From now on, the arrays SameDiff allocates for this thread's runs of the graph (forward and
     * gradient, outputs and gradients included) live until {@link #closeRunArrays}; repeated calls
     * do nothing. Without it they wait for the garbage collector (see {@link RunArrays}).
     */
    public void trackRunArrays() {
        runArrays.computeIfAbsent(Thread.currentThread().getId(), thread -> RunArrays.installOnCurrentThread(sd));
    }

    /**
     * Frees every array this thread's runs allocated since the last call, if {@link #trackRunArrays}
     * was called on it: no output or gradient of those runs may be used afterwards.
     */
    public void closeRunArrays() {
        RunArrays arrays = runArrays.get(Thread.currentThread().getId());
        if (arrays != null) {
            arrays.closeAll();
        }
    }

    /**
     * Runs {@code work} on this thread with run arrays of its own, all freed when it returns, and
     * then gives the thread back its previous sessions and arrays. An evaluation between training
     * steps runs other shapes: sharing the training step's arrays, its first run would free them all
     * (hier-mel_16bar_cpu: about 2 GB) for the next step to allocate again.
     */
    public <T> T withOwnRunArrays(Supplier<T> work) {
        long thread = Thread.currentThread().getId();
        Runnable restoreSessions = RunArrays.restorerOfCurrentThreadSessions(sd);
        RunArrays previous = runArrays.remove(thread);
        trackRunArrays();
        try {
            return work.get();
        } finally {
            runArrays.remove(thread).close();
            restoreSessions.run();
            if (previous != null) {
                runArrays.put(thread, previous);
            }
        }
    }

    /** Trainable variables (Magenta names), in manifest order. */
    public List<String> variableNames() {
        return variableNames;
    }

    /** The live array of a variable (updated in place by the optimiser). */
    public INDArray variable(String name) {
        return sd.getVariable(name).getArr();
    }

    /** A float32 copy of every variable, in manifest order. */
    public WeightSet weights() {
        List<WeightTensor> tensors = new ArrayList<>();
        for (String name : variableNames) {
            INDArray array = variable(name);
            int[] shape = new int[array.rank()];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = (int) array.size(i);
            }
            tensors.add(new WeightTensor(name, shape, array.castTo(DataType.FLOAT).dup('c').data().asFloat()));
        }
        return new WeightSet(tensors);
    }

    /**
     * Teacher-forced feeds for one batch: one-hot {@code input [B, T, C]}, noise {@code eps [B, Z]},
     * KL weight (and, for a scheduled-sampling graph, an all-ones mask with zero noise).
     */
    public Map<String, INDArray> feed(INDArray input, INDArray eps, double beta) {
        if (decoderInputs == DecoderInputs.TEACHER_FORCED) {
            return Map.of(INPUT, input.castTo(dataType), EPS, eps.castTo(dataType), BETA, Nd4j.scalar(dataType, beta));
        }
        long batch = input.size(0);
        return feed(input, eps, beta, Nd4j.ones(dataType, batch, config.numSteps()),
                Nd4j.zeros(dataType, batch, config.numSteps(), config.numClasses()));
    }

    /**
     * Feeds for one batch of a scheduled-sampling graph.
     *
     * @param teacherMask   {@code [B, T]}, see {@link #TEACHER_MASK}
     * @param samplingNoise {@code [B, T, C]}, see {@link #SAMPLING_NOISE}
     */
    public Map<String, INDArray> feed(INDArray input, INDArray eps, double beta, INDArray teacherMask,
                                      INDArray samplingNoise) {
        if (decoderInputs != DecoderInputs.SCHEDULED_SAMPLING) {
            throw new IllegalStateException("a teacher-forced graph has no scheduled-sampling inputs");
        }
        return Map.of(INPUT, input.castTo(dataType), EPS, eps.castTo(dataType), BETA, Nd4j.scalar(dataType, beta),
                TEACHER_MASK, teacherMask.castTo(dataType), SAMPLING_NOISE, samplingNoise.castTo(dataType));
    }
}
