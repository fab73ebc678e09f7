package org.melodypalette.model.train;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.api.ContinuationEvaluation;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingProgress;
import org.melodypalette.model.api.TrainingResult;
import org.melodypalette.model.backprop.ContinuationBackprop;
import org.melodypalette.model.checkpoint.CheckpointException;
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
public final class ContinuationTrainer implements AutoCloseable {

    private static final int THROUGHPUT_WINDOW = 20;
    private static final Logger LOG = LoggerFactory.getLogger(ContinuationTrainer.class);

    private final ContinuationConfig config;
    /** The weights by name, row-major, updated in place by every step. */
    private final Map<String, float[]> parameters;
    private final Map<String, int[]> shapes;
    private final AdamOptimizer optimizer;
    private final ContinuationBackprop backprop;
    private final TrainingBatches batches;
    private final LabelWindows evalWindows;
    private final BigramModel bigram;
    private final Trainer.Settings settings;
    private final long seed;
    private final long fingerprint;
    private final int trainCount;
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
        this.parameters = new LinkedHashMap<>();
        this.shapes = new LinkedHashMap<>();
        for (WeightTensor t : weights.tensors()) {
            parameters.put(t.name(), t.values().clone());
            shapes.put(t.name(), t.shape());
        }
        this.optimizer = optimizer;
        this.settings = settings;
        this.seed = seed;
        this.step = step;
        this.elapsedBefore = elapsedBefore;
        this.fingerprint = TrainingBatches.fingerprint(data.train());
        this.trainCount = data.train().count();
        TrainingConfig training = config.training();
        this.batches = new TrainingBatches(data.train(), training.batchSize(), training.transposeSemitones(),
                config.numClasses(), seed);
        this.evalWindows = Evaluator.first(data.eval(), settings.evalWindows());
        this.bigram = BigramModel.fit(data.train(), config.numClasses());
        this.history = new ArrayList<>(metrics.history());
        this.evaluations = new ArrayList<>(metrics.evaluations());
        this.backprop = ContinuationBackprop.create(config, parameters, training.batchSize(), data.numSteps(),
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
        if (state.datasetFingerprint() != TrainingBatches.fingerprint(data.train())) {
            throw new CheckpointException(settings.outputDir(), "was trained on other data ("
                    + state.trainWindows() + " train windows); resume it with the same dataset file");
        }
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
        List<WeightTensor> tensors = new ArrayList<>();
        parameters.forEach((name, values) -> tensors.add(new WeightTensor(name, shapes.get(name), values.clone())));
        return new WeightSet(tensors);
    }

    /** Trains until the settings' total steps or until the listener asks to stop; ends with a checkpoint. */
    public TrainingResult run(TrainingListener listener) throws IOException {
        long sessionStart = System.nanoTime();
        ArrayDeque<Long> recent = new ArrayDeque<>();
        double lossSum = 0;
        double accuracySum = 0;
        int summed = 0;
        int sessionSteps = 0;
        TrainingProgress last = null;
        long checkpointed = -1;
        boolean stopped = false;
        while (step < settings.totalSteps()) {
            if (listener.stopRequested()) {
                stopped = true;
                break;
            }
            long begin = System.nanoTime();
            ContinuationBackprop.Result result = trainStep();
            recent.addLast(System.nanoTime() - begin);
            sessionSteps++;
            if (sessionSteps == 2 || recent.size() > THROUGHPUT_WINDOW) {
                recent.removeFirst(); // the session's first step runs before the JIT has compiled the step
            }
            double accuracy = result.hits() / (double) result.predictions();
            last = progress(result.loss(), accuracy, recent, sessionStart);
            listener.onProgress(last);
            lossSum += result.loss();
            accuracySum += accuracy;
            summed++;
            if (step % settings.historyInterval() == 0) {
                history.add(progress(lossSum / summed, accuracySum / summed, recent, sessionStart));
                lossSum = 0;
                accuracySum = 0;
                summed = 0;
            }
            if (step % settings.evalInterval() == 0 && evalWindows.count() > 0) {
                listener.onContinuationEvaluation(evaluate());
            }
            if (step % settings.checkpointInterval() == 0) {
                checkpoint(sessionStart);
                checkpointed = step;
                listener.onCheckpoint(settings.outputDir(), step);
            }
        }
        if (checkpointed != step) {
            checkpoint(sessionStart);
            listener.onCheckpoint(settings.outputDir(), step);
        }
        return new TrainingResult(settings.outputDir(), step, stopped, last, null);
    }

    /** One update on the batch of the current step; advances the step. */
    ContinuationBackprop.Result trainStep() {
        int[][] labels = batches.batch(step);
        ContinuationBackprop.Result result = backprop.step(parameters, labels);
        optimizer.update(backprop, parameters, result.gradients(),
                Trainer.clipScale(result.gradientNorm(), config.training().gradClipNorm()),
                Schedules.learningRate(config.training(), step));
        step++;
        return result;
    }

    /** The current weights on the eval windows beside the bigram baseline fitted on the train split. */
    public ContinuationEvaluation evaluate() {
        ContinuationEvaluation evaluation = ContinuationEvaluator.evaluate(config, parameters, evalWindows, bigram,
                step, settings.shards(), settings.compute().kernel());
        evaluations.add(evaluation);
        LOG.debug("evaluation at step {}: {}", step, evaluation);
        return evaluation;
    }

    private TrainingProgress progress(double loss, double accuracy, ArrayDeque<Long> recent, long sessionStart) {
        double meanSeconds = recent.stream().mapToLong(Long::longValue).average().orElse(0) / 1e9;
        int batch = config.training().batchSize();
        return new TrainingProgress(step, settings.totalSteps(), meanSeconds > 0 ? batch / meanSeconds : 0, loss, loss,
                0, accuracy, Schedules.learningRate(config.training(), step - 1), 0, elapsed(sessionStart),
                (settings.totalSteps() - step) * meanSeconds, 0);
    }

    private double elapsed(long sessionStart) {
        return elapsedBefore + (System.nanoTime() - sessionStart) / 1e9;
    }

    private void checkpoint(long sessionStart) throws IOException {
        ContinuationCheckpoint.write(settings.outputDir(), new ContinuationCheckpoint.Contents(config, weights(),
                optimizer, new TrainingState(step, seed, fingerprint, trainCount, elapsed(sessionStart)),
                new ContinuationMetrics(config.name(), history, evaluations)));
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
