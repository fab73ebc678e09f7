package org.melodypalette.model.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.EvaluationSplit;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingProgress;
import org.melodypalette.model.api.TrainingResult;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.config.TrainingConfig;
import org.melodypalette.model.config.TrainingConfig.SamplingSchedule;
import org.melodypalette.model.data.Seeds;
import org.melodypalette.model.data.TrainingBatches;
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
 * <p>Each update is a {@link TrainingStep} that a {@link TrainingEngine} makes: the hand-written one or
 * the SameDiff graph, as the settings' {@link ComputeOptions#engine()} says ({@code graphtrain.TrainingEngines}).
 * The hand-written step keeps the weights and Adam's moments in float arrays for the whole run; ND4J
 * sees them only when evaluation runs the graph.
 */
public final class Trainer implements ModelTrainer {

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
        public int shards() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }
    }

    private final ModelConfig config;
    private final boolean teacherForced;
    /** The engine of the updates. */
    private final TrainingStep trainingStep;
    private final AdamOptimizer optimizer;
    private final TrainingWindows windows;
    private final Settings settings;
    private final long seed;
    private final List<TrainingProgress> history;
    private final List<EvaluationReport> evaluations;
    private final double elapsedBefore;
    private long step;

    private Trainer(ModelConfig config, WeightSet weights, AdamOptimizer optimizer, WindowDataset data,
                    Settings settings, long seed, long step, double elapsedBefore, TrainingMetrics metrics,
                    TrainingEngine engine) {
        if (data.numSteps() != config.numSteps()) {
            throw new IllegalArgumentException("the dataset has windows of " + data.numSteps() + " steps but "
                    + config.name() + " needs " + config.numSteps());
        }
        this.config = config;
        this.teacherForced = config.training().samplingSchedule() == SamplingSchedule.NONE;
        this.optimizer = optimizer;
        this.settings = settings;
        this.seed = seed;
        this.step = step;
        this.elapsedBefore = elapsedBefore;
        this.windows = TrainingWindows.of(data, config.training(), config.numClasses(), seed, settings.evalWindows());
        this.history = new ArrayList<>(metrics.history());
        this.evaluations = new ArrayList<>(metrics.evaluations());
        this.trainingStep = engine.step(config, weights, optimizer, settings);
        LOG.info("training {} with {}", config.name(), trainingStep.description());
    }

    /** Whether this run's gradients come from the hand-written step rather than the graph. */
    boolean usesHandWrittenStep() {
        return trainingStep instanceof HandWrittenTrainingStep;
    }

    /**
     * A new run from {@code weights} (of {@code config}'s variables) at {@code step}: the learning-rate,
     * KL and sampling schedules go on from that step, Adam's moments start at zero.
     */
    public static Trainer start(ModelConfig config, WindowDataset data, Settings settings, WeightSet weights,
                                long step, TrainingEngine engine) {
        return new Trainer(config, weights, AdamOptimizer.fresh(TrainingCheckpoint.shapes(config)), data, settings,
                settings.seed(), step, 0, new TrainingMetrics(config.name(), List.of(), List.of()), engine);
    }

    /** Continues {@code saved}, read from the settings' output folder; refuses other training data. */
    public static Trainer resume(TrainingCheckpoint.Contents saved, WindowDataset data, Settings settings,
                                 TrainingEngine engine) throws IOException {
        TrainingState state = saved.state();
        TrainingWindows.requireSameData(state, data, settings.outputDir());
        if (state.seed() != settings.seed()) {
            LOG.info("resuming with the checkpoint's seed {} (not {})", state.seed(), settings.seed());
        }
        return new Trainer(saved.config(), saved.weights(), saved.optimizer(), data, settings, state.seed(),
                state.step(), state.elapsedSeconds(), saved.metrics(), engine);
    }

    public long step() {
        return step;
    }

    public ModelConfig config() {
        return config;
    }

    /** A copy of the current weights. */
    public WeightSet weights() {
        return trainingStep.weights();
    }

    @Override
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
    public static float clipScale(double globalNorm, double clipNorm) {
        return globalNorm >= GRAD_NORM_CLIP_TO_ZERO || !Double.isFinite(globalNorm) ? 0
                : (float) (clipNorm / Math.max(globalNorm, clipNorm));
    }

    /** Evaluates the current weights on the eval windows with the run's seed. */
    public EvaluationReport evaluate() {
        EvaluationReport report = Evaluator.evaluate(config, trainingStep.evaluationPass(), windows.eval(),
                EvaluationSplit.EVAL, step, seed, EVAL_BATCH);
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
        TrainingCheckpoint.write(settings.outputDir(), new TrainingCheckpoint.Contents(config, weights(),
                optimizer, windows.state(step, seed, elapsedSeconds), new TrainingMetrics(config.name(), history,
                evaluations)));
        LOG.debug("checkpoint at step {} in {}", step, settings.outputDir());
    }

    /** Ends the hand-written step's shard threads; the weights stay readable. */
    @Override
    public void close() {
        trainingStep.close();
    }
}
