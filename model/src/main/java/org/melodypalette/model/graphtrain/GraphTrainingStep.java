package org.melodypalette.model.graphtrain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melodypalette.model.backprop.ParameterBlocks;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.data.MelodyTensors;
import org.melodypalette.model.net.MusicVaeGraph;
import org.melodypalette.model.train.AdamOptimizer;
import org.melodypalette.model.train.Evaluator;
import org.melodypalette.model.train.ScheduledSamplingDraw;
import org.melodypalette.model.train.StepFigures;
import org.melodypalette.model.train.TeacherForcedPass;
import org.melodypalette.model.train.Trainer;
import org.melodypalette.model.train.TrainingStep;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link TrainingStep} on the SameDiff graph: ND4J's backprop, on a GPU or a CPU; the weights live
 * in the graph's variables, which clipping and Adam read and write through float arrays.
 */
final class GraphTrainingStep implements TrainingStep {

    private final ModelConfig config;
    private final MusicVaeGraph graph;
    private final AdamOptimizer optimizer;
    private final GraphTeacherForcedPass evaluation;

    GraphTrainingStep(ModelConfig config, MusicVaeGraph graph, AdamOptimizer optimizer) {
        this.config = config;
        this.graph = graph;
        this.optimizer = optimizer;
        this.evaluation = new GraphTeacherForcedPass(graph);
    }

    @Override
    public StepFigures run(int[][] labels, float[] eps, double beta, ScheduledSamplingDraw draw, double learningRate) {
        List<INDArray> made = new ArrayList<>();
        made.add(MelodyTensors.oneHot(labels, config.numClasses(), DataType.FLOAT));
        INDArray noise = Nd4j.create(eps, new long[] {labels.length, config.zSize()}, 'c');
        made.add(noise);
        if (draw != null) {
            made.add(Nd4j.create(draw.teacherMask(), new long[] {draw.batch(), draw.steps()}, 'c'));
            made.add(Nd4j.create(draw.samplingNoise(), new long[] {draw.batch(), draw.steps(), draw.classes()}, 'c'));
        }
        Map<String, INDArray> feed = draw == null ? graph.feed(made.get(0), noise, beta)
                : graph.feed(made.get(0), noise, beta, made.get(2), made.get(3));
        // Every array of the step is freed when it ends, not left to the garbage collector, which
        // does not see native memory (RunArrays in the net package says how much that was).
        graph.trackRunArrays();
        try {
            OutAndGrad result = graph.sameDiff().calculateGradientsAndOutputs(feed,
                    List.of(MusicVaeGraph.LOSS, MusicVaeGraph.R_LOSS, MusicVaeGraph.KL, MusicVaeGraph.LOGITS),
                    graph.variableNames());
            Map<String, INDArray> outputs = result.getOutputs();
            update(result.getGradients(), learningRate);
            long hits = Evaluator.matches(
                    MelodyTensors.argmaxLabels(outputs.get(MusicVaeGraph.LOGITS), config.numSteps()), labels);
            return new StepFigures(outputs.get(MusicVaeGraph.LOSS).getDouble(0),
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

    /**
     * Clipping to the global norm (summed as the hand-written step sums it, {@link ParameterBlocks})
     * and Adam, on float copies of the graph's variables and gradients, written back after.
     */
    private void update(Map<String, INDArray> gradients, double learningRate) {
        Map<String, float[]> gradientValues = new LinkedHashMap<>();
        Map<String, float[]> parameterValues = new LinkedHashMap<>();
        for (String name : graph.variableNames()) {
            gradientValues.put(name, Nd4jCopies.rowMajor(gradients.get(name)));
            parameterValues.put(name, Nd4jCopies.rowMajor(graph.variable(name)));
        }
        double globalNorm = Math.sqrt(ParameterBlocks.squaredNorm(gradientValues));
        optimizer.update(parameterValues, gradientValues,
                Trainer.clipScale(globalNorm, config.training().gradClipNorm()), learningRate);
        parameterValues.forEach((name, values) -> Nd4jCopies.store(graph.variable(name), values));
    }

    @Override
    public WeightSet weights() {
        return graph.weights();
    }

    @Override
    public TeacherForcedPass evaluationPass() {
        return evaluation;
    }

    @Override
    public String description() {
        return "the SameDiff graph";
    }

    @Override
    public void close() {
    }
}
