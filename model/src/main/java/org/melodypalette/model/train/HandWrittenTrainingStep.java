package org.melodypalette.model.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.melodypalette.model.backprop.MusicVaeBackprop;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.net.MusicVaeGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link TrainingStep} on {@link MusicVaeBackprop}: the graph's variables are read as float arrays,
 * the gradients handed back as ND4J arrays for the optimiser.
 */
final class HandWrittenTrainingStep implements TrainingStep {

    private final ModelConfig config;
    private final MusicVaeGraph graph;
    private final MusicVaeBackprop backprop;

    /** @param shards threads the batch is cut across */
    HandWrittenTrainingStep(ModelConfig config, MusicVaeGraph graph, int shards, ComputeOptions.Kernel kernel) {
        this.config = config;
        this.graph = graph;
        this.backprop = MusicVaeBackprop.create(config, currentWeights(), config.training().batchSize(), shards,
                kernel);
    }

    @Override
    public Trainer.StepFigures run(int[][] labels, INDArray eps, double beta, ScheduledSamplingDraw draw,
                                   Consumer<Map<String, INDArray>> update) {
        MusicVaeBackprop.Result result = backprop.step(currentWeights(), labels, eps.data().asFloat(), beta,
                draw == null ? null : draw.asSamplingInputs());
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        for (String name : graph.variableNames()) {
            gradients.put(name, Nd4j.create(result.gradients().get(name), graph.variable(name).shape(), 'c'));
        }
        try {
            update.accept(gradients);
        } finally {
            gradients.values().forEach(INDArray::close);
        }
        return new Trainer.StepFigures(result.loss(), result.meanReconstruction(), result.meanKl(),
                result.hits() / (double) (labels.length * config.numSteps()));
    }

    /** Every variable's current values, row-major, by name. */
    private Map<String, float[]> currentWeights() {
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (String name : graph.variableNames()) {
            weights.put(name, graph.variable(name).data().asFloat());
        }
        return weights;
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
