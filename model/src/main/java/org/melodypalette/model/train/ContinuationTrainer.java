package org.melodypalette.model.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.api.ContinuationEvaluation;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingProgress;
import org.melodypalette.model.api.TrainingResult;
import org.melodypalette.model.backprop.ContinuationBackprop;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ContinuationConfig;
import org.melodypalette.model.config.TrainingConfig;
import org.melodypalette.model.data.TrainingBatches;
import org.melodypalette.model.eval.BigramModel;
import org.melodypalette.model.layers.ContinuationLayers;
import org.melodypalette.model.net.MusicVaeVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The continuation model's training loop, on {@link Trainer}'s pieces: seeded batches of train windows
 * with transposition ({@link TrainingBatches}), the loss and gradients of {@link ContinuationBackprop},
 * {@link Trainer#clipScale}, {@link AdamOptimizer} with {@link Schedules#learningRate}, periodic
 * evaluation beside a bigram baseline, and atomic checkpoints ({@link ContinuationCheckpoint}) from which a
 * resumed run ends with exactly the parameters of an uninterrupted one (nothing random but the batches,
 * which are a function of (seed, step)). Weights start Glorot-uniform (kernels) and zero (biases).
 */
public final class ContinuationTrainer implements ModelTrainer {

    private static final Logger LOG = LoggerFactory.getLogger(ContinuationTrainer.class);

    private final ContinuationConfig config;
    private final FloatWeights weights;
    private final AdamOptimizer optimizer;
    private final ContinuationBackprop backprop;
    private final TrainingWindows windows;
    private final BigramModel bigram;
    private final Trainer.Settings settings;
    private final long seed;
    private final List<TrainingProgress> history;
    private final List<ContinuationEvaluation> evaluations;
    private final double elapsedBefore;
    private long step;

    private ContinuationTrainer(ContinuationConfig config, WeightSet weights, AdamOptimizer optimizer,
                                WindowDataset data, Trainer.Settings settings, long seed, long step,
                                double elapsedBefore, ContinuationMetrics metrics) {
        if (data.numSteps() % config.stepsPerBar() != 0) {
            throw new IllegalArgumentException("the dataset's windows of " + data.numSteps()
                    + " steps are not whole bars of " + config.stepsPerBar());
        }
        this.config = config;
        this.weights = FloatWeights.copyOf(weights);
        this.optimizer = optimizer;
        this.settings = settings;
        this.seed = seed;
        this.step = step;
        this.elapsedBefore = elapsedBefore;
        TrainingConfig training = config.training();
        this.windows = TrainingWindows.of(data, training, config.numClasses(), seed, settings.evalWindows());
        this.bigram = BigramModel.fit(data.train(), config.numClasses());
        this.history = new ArrayList<>(metrics.history());
        this.evaluations = new ArrayList<>(metrics.evaluations());
        this.backprop = ContinuationBackprop.create(config, this.weights.values(), training.batchSize(), data.numSteps(),
                settings.shards(), settings.compute().kernel());
        LOG.info("training {} on windows of {} steps with {}", config.name(), data.numSteps(), backprop.description());
    }

    /** A new run from weights initialised with the settings' seed. */
    public static ContinuationTrainer start(ContinuationConfig config, WindowDataset data, Trainer.Settings settings) {
        return new ContinuationTrainer(config, initialWeights(config, settings.seed()),
                AdamOptimizer.fresh(shapes(config)), data, settings, settings.seed(), 0, 0,
                new ContinuationMetrics(config.name(), List.of(), List.of()));
    }

    /** Continues {@code saved}; refuses other training data. */
    public static ContinuationTrainer resume(ContinuationCheckpoint.Contents saved, WindowDataset data,
                                             Trainer.Settings settings) throws IOException {
        TrainingState state = saved.state();
        TrainingWindows.requireSameData(state, data, settings.outputDir());
        return new ContinuationTrainer(saved.config(), saved.weights(), saved.optimizer(), data, settings,
                state.seed(), state.step(), state.elapsedSeconds(), saved.metrics());
    }

    /** Glorot-uniform kernels and zero biases, drawn from {@code seed} in variable order. */
    public static WeightSet initialWeights(ContinuationConfig config, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<WeightTensor> tensors = new ArrayList<>();
        ContinuationLayers.of(config).shapes().forEach((name, shape) -> tensors.add(new WeightTensor(name, shape,
                shape.length == 2 ? MusicVaeVariables.glorotUniform(shape[0], shape[1], random) : new float[shape[0]])));
        return new WeightSet(tensors);
    }

    public long step() {
        return step;
    }

    public ContinuationConfig config() {
        return config;
    }

    /** The current weights. */
    public WeightSet weights() {
        return weights.snapshot();
    }

    @Override
    public TrainingResult run(TrainingListener listener) throws IOException {
        return TrainingLoop.run(settings, listener, elapsedBefore, new TrainingLoop.Run() {
            @Override
            public long step() {
                return step;
            }

            @Override
            public StepFigures trainStep() {
                ContinuationBackprop.Result result = ContinuationTrainer.this.trainStep();
                return new StepFigures(result.loss(), result.loss(), 0,
                        result.hits() / (double) result.predictions());
            }

            @Override
            public TrainingProgress progress(StepFigures figures, TrainingLoop.Clock clock) {
                return new TrainingProgress(step, settings.totalSteps(),
                        clock.sequencesPerSecond(config.training().batchSize()), figures.loss(), figures.loss(), 0,
                        figures.accuracy(), Schedules.learningRate(config.training(), step - 1), 0,
                        clock.elapsedSeconds(), (settings.totalSteps() - step) * clock.meanStepSeconds(), 0);
            }

            @Override
            public EvaluationReport evaluate(TrainingListener listener) {
                if (windows.eval().count() > 0) {
                    listener.onContinuationEvaluation(ContinuationTrainer.this.evaluate());
                }
                return null;
            }

            @Override
            public void checkpoint(TrainingLoop.Clock clock) throws IOException {
                ContinuationCheckpoint.write(settings.outputDir(), new ContinuationCheckpoint.Contents(config,
                        weights(), optimizer, windows.state(step, seed, clock.elapsedSeconds()),
                        new ContinuationMetrics(config.name(), history, evaluations)));
            }
        }, history);
    }

    /** One update on the batch of the current step; advances the step. */
    ContinuationBackprop.Result trainStep() {
        int[][] labels = windows.batches().batch(step);
        ContinuationBackprop.Result result = backprop.step(weights.values(), labels);
        optimizer.update(backprop, weights.values(), result.gradients(),
                Trainer.clipScale(result.gradientNorm(), config.training().gradClipNorm()),
                Schedules.learningRate(config.training(), step));
        step++;
        return result;
    }

    /** The current weights on the eval windows beside the bigram baseline fitted on the train split. */
    public ContinuationEvaluation evaluate() {
        ContinuationEvaluation evaluation = ContinuationEvaluator.evaluate(config, weights.values(), windows.eval(), bigram,
                step, settings.shards(), settings.compute().kernel());
        evaluations.add(evaluation);
        LOG.debug("evaluation at step {}: {}", step, evaluation);
        return evaluation;
    }

    private static Map<String, long[]> shapes(ContinuationConfig config) {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        ContinuationLayers.of(config).shapes().forEach((name, shape) ->
                shapes.put(name, Arrays.stream(shape).asLongStream().toArray()));
        return shapes;
    }

    /** Ends the step's shard threads. */
    @Override
    public void close() {
        backprop.close();
    }
}
