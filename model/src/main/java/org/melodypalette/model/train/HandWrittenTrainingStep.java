package org.melodypalette.model.train;

import org.melodypalette.model.backprop.MusicVaeBackprop;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ModelConfig;

/**
 * A {@link TrainingStep} on {@link MusicVaeBackprop}: the weights and Adam's moments live in float
 * arrays for the whole run. After the shards' forward and backward passes, each shard thread sums
 * the gradients, then clips and updates its own blocks of the parameters. The evaluation pass is
 * given the current weights only when it is asked for, the weights copied only by {@link #weights}
 * (checkpoints).
 */
public final class HandWrittenTrainingStep implements TrainingStep {

    private final ModelConfig config;
    private final AdamOptimizer optimizer;
    private final MusicVaeBackprop backprop;
    private final FloatWeights weights;
    private final TeacherForcedPass evaluation;
    private boolean evaluationCurrent = true;

    /**
     * @param weights    the starting weights
     * @param shards     threads the batch is cut across
     * @param evaluation the pass evaluation runs, holding {@code weights}; given the current ones when asked for
     */
    public HandWrittenTrainingStep(ModelConfig config, WeightSet weights, AdamOptimizer optimizer, int shards,
                                   ComputeOptions.Kernel kernel, TeacherForcedPass evaluation) {
        this.config = config;
        this.optimizer = optimizer;
        this.weights = FloatWeights.copyOf(weights);
        this.backprop = MusicVaeBackprop.create(config, this.weights.values(), config.training().batchSize(), shards,
                kernel);
        this.evaluation = evaluation;
    }

    @Override
    public StepFigures run(int[][] labels, float[] eps, double beta, ScheduledSamplingDraw draw, double learningRate) {
        MusicVaeBackprop.Result result = backprop.step(weights.values(), labels, eps, beta,
                draw == null ? null : draw.asSamplingInputs());
        optimizer.update(backprop, weights.values(), result.gradients(),
                Trainer.clipScale(result.gradientNorm(), config.training().gradClipNorm()), learningRate);
        evaluationCurrent = false;
        return new StepFigures(result.loss(), result.meanReconstruction(), result.meanKl(),
                result.hits() / (double) (labels.length * config.numSteps()));
    }

    @Override
    public WeightSet weights() {
        return weights.snapshot();
    }

    /** The pass, its weights first brought up to the current ones. */
    @Override
    public TeacherForcedPass evaluationPass() {
        if (!evaluationCurrent) {
            evaluation.load(weights.values());
            evaluationCurrent = true;
        }
        return evaluation;
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
