package org.melodypalette.model.train;

import org.melodypalette.model.backprop.MusicVaeBackprop;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.net.MusicVaeGraph;

/**
 * A {@link TrainingStep} on {@link MusicVaeBackprop}: the weights and Adam's moments live in float
 * arrays for the whole run. After the shards' forward and backward passes, each shard thread sums
 * the gradients, then clips and updates its own blocks of the parameters. The graph's variables are
 * written only when {@link #graph} is asked for (evaluation), the weights copied only by {@link #weights}
 * (checkpoints).
 */
final class HandWrittenTrainingStep implements TrainingStep {

    private final ModelConfig config;
    private final MusicVaeGraph graph;
    private final AdamOptimizer optimizer;
    private final MusicVaeBackprop backprop;
    private final FloatWeights weights;
    private boolean graphCurrent = true;

    /**
     * @param graph  the training graph, whose variables hold the starting weights
     * @param shards threads the batch is cut across
     */
    HandWrittenTrainingStep(ModelConfig config, MusicVaeGraph graph, AdamOptimizer optimizer, int shards,
                            ComputeOptions.Kernel kernel) {
        this.config = config;
        this.graph = graph;
        this.optimizer = optimizer;
        this.weights = FloatWeights.copyOf(graph.weights());
        this.backprop = MusicVaeBackprop.create(config, weights.values(), config.training().batchSize(), shards, kernel);
    }

    @Override
    public Trainer.StepFigures run(int[][] labels, float[] eps, double beta, ScheduledSamplingDraw draw,
                                   double learningRate) {
        MusicVaeBackprop.Result result = backprop.step(weights.values(), labels, eps, beta,
                draw == null ? null : draw.asSamplingInputs());
        optimizer.update(backprop, weights.values(), result.gradients(),
                Trainer.clipScale(result.gradientNorm(), config.training().gradClipNorm()), learningRate);
        graphCurrent = false;
        return new Trainer.StepFigures(result.loss(), result.meanReconstruction(), result.meanKl(),
                result.hits() / (double) (labels.length * config.numSteps()));
    }

    @Override
    public WeightSet weights() {
        return weights.snapshot();
    }

    /** The graph, its variables first brought up to the current weights. */
    @Override
    public MusicVaeGraph graph() {
        if (!graphCurrent) {
            weights.values().forEach((name, values) -> Nd4jCopies.store(graph.variable(name), values));
            graphCurrent = true;
        }
        return graph;
    }

    @Override
    public String description() {
        return backprop.description();
    }

    /** Ends the shard threads. */
    @Override
    public void close() {
        backprop.close();
    }
}
