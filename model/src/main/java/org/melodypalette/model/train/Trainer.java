package org.melodypalette.model.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.EvaluationSplit;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingProgress;
import org.melodypalette.model.api.TrainingResult;
import org.melodypalette.model.backprop.ParameterBlocks;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.config.TrainingConfig;
import org.melodypalette.model.config.TrainingConfig.SamplingSchedule;
import org.melodypalette.model.data.Seeds;
import org.melodypalette.model.data.TrainingBatches;
import org.melodypalette.model.net.MusicVaeGraph;
import org.melodypalette.model.net.MusicVaeGraph.DecoderInputs;
import org.melodypalette.model.net.MusicVaeVariables;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MusicVAE training loop, Magenta's recipe: per step a batch of train windows (seeded order
 * and transposition, {@link TrainingBatches}), z sampled with seeded noise, loss
 * {@code mean(r_loss) + beta·mean(max(kl − free_bits·ln 2, 0))}, gradients clipped to a global
 * norm (zeroed above {@value #GRAD_NORM_CLIP_TO_ZERO}, as Magenta), Adam with the decaying
 * learning rate. Periodically it evaluates on the eval split and writes an atomic checkpoint
 * ({@link TrainingCheckpoint}); because every step's randomness is derived from (seed, step), a
 * run resumed from a checkpoint ends with exactly the parameters of an uninterrupted one.
 *
 * <p>With an inverse-sigmoid sampling schedule the decoder trains with Magenta's scheduled
 * sampling ({@link ScheduledSamplingDraw}); otherwise it is teacher-forced.
 *
 * <p>Each update is a {@link TrainingStep}, the hand-written one or the SameDiff graph, as the
 * settings' {@link ComputeOptions#engine()} says. The hand-written step keeps the weights and Adam's
 * moments in float arrays for the whole run; ND4J sees them only when evaluation runs the graph.
 */
public final class Trainer implements AutoCloseable {

    /** Magenta's {@code grad_norm_clip_to_zero}: a larger global norm zeroes the step's gradients. */
    static final double GRAD_NORM_CLIP_TO_ZERO = 10_000;
    /** Evaluation batch size (forward only). */
    static final int EVAL_BATCH = 64;
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    /**
     * @param outputDir          the checkpoint folder
     * @param totalSteps         the step to stop at
     * @param checkpointInterval steps between checkpoints
     * @param evalInterval       steps between evaluations
     * @param evalWindows        eval windows per evaluation (the first ones); 0 = all
     * @param historyInterval    steps averaged into one {@code metrics.json} history entry
     * @param seed               the run's seed (a resumed run keeps its checkpoint's)
     * @param threads            threads a step uses: shards of the batch for the hand-written step; 0 = one per core
     * @param compute            the step's engine and the CPU kernel
     */
    public record Settings(Path outputDir, long totalSteps, int checkpointInterval, int evalInterval,
                           int evalWindows, int historyInterval, long seed, int threads, ComputeOptions compute) {
        public Settings {
            if (outputDir == null || totalSteps < 1 || checkpointInterval < 1 || evalInterval < 1
                    || evalWindows < 0 || historyInterval < 1 || threads < 0 || compute == null) {
                throw new IllegalArgumentException("invalid trainer settings: " + totalSteps + " steps, intervals "
                        + checkpointInterval + "/" + evalInterval + "/" + historyInterval + ", threads " + threads);
            }
        }

        /** With the engine and kernel the {@code -D} overrides ask for ({@link ComputeOptions#fromSystemProperties}). */
        public Settings(Path outputDir, long totalSteps, int checkpointInterval, int evalInterval, int evalWindows,
                        int historyInterval, long seed, int threads) {
            this(outputDir, totalSteps, checkpointInterval, evalInterval, evalWindows, historyInterval, seed, threads,
                    ComputeOptions.fromSystemProperties());
        }

        public Settings withCompute(ComputeOptions compute) {
            return new Settings(outputDir, totalSteps, checkpointInterval, evalInterval, evalWindows, historyInterval,
                    seed, threads, compute);
        }

        /** Shards of the batch for the hand-written step: {@link #threads}, or one per core. */
        int shards() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    /** One step's figures, averaged over its batch. */
    record StepFigures(double loss, double reconstruction, double kl, double accuracy) {
    }

    private final ModelConfig config;
    private final boolean teacherForced;
    /** The engine of the updates (see {@link #handWritten}). */
    private final TrainingStep trainingStep;
    private final AdamOptimizer optimizer;
    private final TrainingWindows windows;
    private final Settings settings;
    private final long seed;
    private final List<TrainingProgress> history;
    private final List<EvaluationReport> evaluations;
    private final double elapsedBefore;
    private long step;

    private Trainer(ModelConfig config, MusicVaeGraph graph, AdamOptimizer optimizer, WindowDataset data,
                    Settings settings, long seed, long step, double elapsedBefore, TrainingMetrics metrics) {
        if (data.numSteps() != config.numSteps()) {
            throw new IllegalArgumentException("the dataset has windows of " + data.numSteps() + " steps but "
                    + config.name() + " needs " + config.numSteps());
        }
        this.config = config;
        this.teacherForced = graph.decoderInputs() == DecoderInputs.TEACHER_FORCED;
        this.optimizer = optimizer;
        this.settings = settings;
        this.seed = seed;
        this.step = step;
        this.elapsedBefore = elapsedBefore;
        this.windows = TrainingWindows.of(data, config.training(), config.numClasses(), seed, settings.evalWindows());
        this.history = new ArrayList<>(metrics.history());
        this.evaluations = new ArrayList<>(metrics.evaluations());
        this.trainingStep = handWritten(settings.compute().engine())
                ? new HandWrittenTrainingStep(config, graph, optimizer, settings.shards(), settings.compute().kernel())
                : new GraphTrainingStep(config, graph, optimizer);
        LOG.info("training {} with {}", config.name(), trainingStep.description());
    }

    /**
     * Whether {@code engine} means the hand-written step ({@link HandWrittenTrainingStep}); {@code AUTO} is
     * the hand-written step on ND4J's CPU backend and the SameDiff graph on any other (a GPU). Both
     * compute the same gradients (MusicVaeBackpropTest).
     */
    static boolean handWritten(ComputeOptions.Engine engine) {
        return switch (engine) {
            case HAND_WRITTEN -> true;
            case GRAPH -> false;
            case AUTO -> Nd4j.getEnvironment().isCPU();
        };
    }

    /** Whether this run's gradients come from the hand-written step rather than the graph. */
    boolean usesHandWrittenStep() {
        return trainingStep instanceof HandWrittenTrainingStep;
    }

    /** A new run from weights initialised with the settings' seed. */
    public static Trainer start(ModelConfig config, WindowDataset data, Settings settings) {
        return start(config, data, settings, MusicVaeVariables.initialize(config, settings.seed()), 0);
    }

    /**
     * A new run from {@code weights} (of {@code config}'s variables) at {@code step}: the learning-rate,
     * KL and sampling schedules go on from that step, Adam's moments start at zero.
     */
    public static Trainer start(ModelConfig config, WindowDataset data, Settings settings, WeightSet weights,
                                long step) {
        MusicVaeGraph graph = trainingGraph(config, weights);
        return new Trainer(config, graph, AdamOptimizer.fresh(shapes(graph)), data, settings, settings.seed(),
                step, 0, new TrainingMetrics(config.name(), List.of(), List.of()));
    }

    /** Continues the checkpoint in the settings' output folder; refuses other training data. */
    public static Trainer resume(WindowDataset data, Settings settings) throws IOException {
        return resume(TrainingCheckpoint.read(settings.outputDir()), data, settings);
    }

    /** Continues {@code saved}, read from the settings' output folder. */
    public static Trainer resume(TrainingCheckpoint.Contents saved, WindowDataset data, Settings settings)
            throws IOException {
        TrainingState state = saved.state();
        TrainingWindows.requireSameData(state, data, settings.outputDir());
        if (state.seed() != settings.seed()) {
            LOG.info("resuming with the checkpoint's seed {} (not {})", state.seed(), settings.seed());
        }
        MusicVaeGraph graph = trainingGraph(saved.config(), saved.weights());
        return new Trainer(saved.config(), graph, saved.optimizer(), data, settings, state.seed(), state.step(),
                state.elapsedSeconds(), saved.metrics());
    }

    /** The float32 graph to train: with scheduled-sampling inputs unless the config has no sampling schedule. */
    private static MusicVaeGraph trainingGraph(ModelConfig config, WeightSet weights) {
        return MusicVaeGraph.build(config, weights, DataType.FLOAT,
                config.training().samplingSchedule() == SamplingSchedule.NONE
                        ? DecoderInputs.TEACHER_FORCED : DecoderInputs.SCHEDULED_SAMPLING);
    }

    public long step() {
        return step;
    }

    public ModelConfig config() {
        return config;
    }

    /** The training graph with the current weights. */
    public MusicVaeGraph graph() {
        return trainingStep.graph();
    }

    /** Trains until {@code totalSteps} or until the listener asks to stop; ends with a checkpoint. */
    public TrainingResult run(TrainingListener listener) throws IOException {
        return TrainingLoop.run(settings, listener, elapsedBefore, new TrainingLoop.Run() {
            @Override
            public long step() {
                return step;
            }

            @Override
            public StepFigures trainStep() throws IOException {
                StepFigures figures = Trainer.this.trainStep();
                DivergenceGuard.requireFiniteLoss(settings.outputDir(), step, figures.loss());
                return figures;
            }

            @Override
            public TrainingProgress progress(StepFigures figures, TrainingLoop.Clock clock) {
                return Trainer.this.progress(figures, clock);
            }

            @Override
            public EvaluationReport evaluate(TrainingListener listener) {
                if (windows.eval().count() == 0) {
                    return null;
                }
                EvaluationReport report = Trainer.this.evaluate();
                listener.onEvaluation(report);
                return report;
            }

            @Override
            public void checkpoint(TrainingLoop.Clock clock) throws IOException {
                Trainer.this.checkpoint(clock.elapsedSeconds());
            }
        }, history);
    }

    /** One update on the batch of the current step; advances the step. */
    StepFigures trainStep() {
        int[][] labels = windows.batches().batch(step);
        float[] eps = Evaluator.gaussianValues(labels.length, config.zSize(),
                Seeds.random(seed, Seeds.LATENT_NOISE, step));
        ScheduledSamplingDraw draw = teacherForced ? null : draw(labels.length);
        TrainingConfig training = config.training();
        StepFigures figures = trainingStep.run(labels, eps, Schedules.beta(training, step), draw,
                Schedules.learningRate(training, step));
        step++;
        return figures;
    }

    /** This step's scheduled-sampling draw. */
    private ScheduledSamplingDraw draw(int batch) {
        TrainingConfig training = config.training();
        int segmentLength = config.decoder() == DecoderKind.HIERARCHICAL ? config.stepsPerSegment() : config.numSteps();
        return ScheduledSamplingDraw.draw(seed, step, batch, config.numSteps(), segmentLength, config.numClasses(),
                Schedules.teacherForcing(training, step));
    }

    /**
     * TF's clip_by_global_norm as the factor every gradient is multiplied by: {@code clipNorm / max(norm,
     * clipNorm)}, or 0 if the norm is at least {@link #GRAD_NORM_CLIP_TO_ZERO} or not finite (Magenta).
     */
    static float clipScale(double globalNorm, double clipNorm) {
        return globalNorm >= GRAD_NORM_CLIP_TO_ZERO || !Double.isFinite(globalNorm) ? 0
                : (float) (clipNorm / Math.max(globalNorm, clipNorm));
    }

    /**
     * {@link #clipScale} applied to ND4J gradients in place, the norm summed as the hand-written step
     * sums it ({@link ParameterBlocks}); returns the global norm.
     */
    static double clipByGlobalNorm(Map<String, INDArray> gradients, double clipNorm) {
        Map<String, float[]> values = new LinkedHashMap<>();
        gradients.forEach((name, g) -> values.put(name, Nd4jCopies.rowMajor(g)));
        double globalNorm = Math.sqrt(ParameterBlocks.squaredNorm(values));
        float scale = clipScale(globalNorm, clipNorm);
        if (scale != 1f) {
            for (INDArray g : gradients.values()) {
                g.muli(scale);
            }
        }
        return globalNorm;
    }

    /** Evaluates the current weights on the eval windows with the run's seed. */
    public EvaluationReport evaluate() {
        EvaluationReport report = Evaluator.evaluate(trainingStep.graph(), windows.eval(), EvaluationSplit.EVAL, step,
                seed, EVAL_BATCH);
        evaluations.add(report);
        return report;
    }

    private TrainingProgress progress(StepFigures figures, TrainingLoop.Clock clock) {
        TrainingConfig training = config.training();
        return new TrainingProgress(step, settings.totalSteps(), clock.sequencesPerSecond(training.batchSize()),
                figures.loss(), figures.reconstruction(), figures.kl(), figures.accuracy(),
                Schedules.learningRate(training, step - 1), Schedules.beta(training, step - 1),
                clock.elapsedSeconds(), (settings.totalSteps() - step) * clock.meanStepSeconds(),
                1 - Schedules.teacherForcing(training, step - 1));
    }

    private void checkpoint(double elapsedSeconds) throws IOException {
        TrainingCheckpoint.write(settings.outputDir(), new TrainingCheckpoint.Contents(config, trainingStep.weights(),
                optimizer, windows.state(step, seed, elapsedSeconds), new TrainingMetrics(config.name(), history,
                evaluations)));
        LOG.debug("checkpoint at step {} in {}", step, settings.outputDir());
    }

    /** Ends the hand-written step's shard threads; the graph and weights stay usable. */
    @Override
    public void close() {
        trainingStep.close();
    }

    private static Map<String, long[]> shapes(MusicVaeGraph graph) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        for (String name : graph.variableNames()) {
            shapes.put(name, graph.variable(name).shape());
        }
        return shapes;
    }
}
