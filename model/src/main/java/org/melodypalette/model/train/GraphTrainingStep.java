package org.melodypalette.model.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.data.MelodyTensors;
import org.melodypalette.model.net.MusicVaeGraph;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A {@link TrainingStep} on the SameDiff graph: ND4J's backprop, on a GPU or a CPU. */
final class GraphTrainingStep implements TrainingStep {

    private final ModelConfig config;
    private final MusicVaeGraph graph;

    GraphTrainingStep(ModelConfig config, MusicVaeGraph graph) {
        this.config = config;
        this.graph = graph;
    }

    @Override
    public Trainer.StepFigures run(int[][] labels, INDArray eps, double beta, ScheduledSamplingDraw draw,
                                   Consumer<Map<String, INDArray>> update) {
        List<INDArray> made = new ArrayList<>();
        made.add(MelodyTensors.oneHot(labels, config.numClasses(), DataType.FLOAT));
        if (draw != null) {
            made.add(draw.teacherMask());
            made.add(draw.samplingNoise());
        }
        Map<String, INDArray> feed = draw == null ? graph.feed(made.get(0), eps, beta)
                : graph.feed(made.get(0), eps, beta, made.get(1), made.get(2));
        // Every array of the step is freed when it ends, not left to the garbage collector, which
        // does not see native memory (RunArrays in the net package says how much that was).
        graph.trackRunArrays();
        try {
            OutAndGrad result = graph.sameDiff().calculateGradientsAndOutputs(feed,
                    List.of(MusicVaeGraph.LOSS, MusicVaeGraph.R_LOSS, MusicVaeGraph.KL, MusicVaeGraph.LOGITS),
                    graph.variableNames());
            Map<String, INDArray> outputs = result.getOutputs();
            update.accept(result.getGradients());
            long hits = Evaluator.matches(
                    MelodyTensors.argmaxLabels(outputs.get(MusicVaeGraph.LOGITS), config.numSteps()), labels);
            return new Trainer.StepFigures(outputs.get(MusicVaeGraph.LOSS).getDouble(0),
                    outputs.get(MusicVaeGraph.R_LOSS).meanNumber().doubleValue(),
                    outputs.get(MusicVaeGraph.KL).meanNumber().doubleValue(),
                    hits / (double) (labels.length * config.numSteps()));
        } finally {
            graph.closeRunArrays();
            for (INDArray array : feed.values()) {
                array.close();
            }
            // A feed may be the array it was made from (a cast to its own type), already closed.
            for (INDArray array : made) {
                if (!array.wasClosed()) {
                    array.close();
                }
            }
        }
    }

    @Override
    public String description() {
        return "the SameDiff graph";
    }

    @Override
    public void close() {
    }
}
