package org.melodypalette.model.graphtrain;

import java.util.Map;
import java.util.function.Supplier;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.EvaluationSplit;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.data.MelodyTensors;
import org.melodypalette.model.net.MusicVaeGraph;
import org.melodypalette.model.train.Evaluator;
import org.melodypalette.model.train.TeacherForcedPass;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The {@link TeacherForcedPass} of a SameDiff graph: its outputs with KL weight 0, copied out of ND4J. */
final class GraphTeacherForcedPass implements TeacherForcedPass {

    private final MusicVaeGraph graph;

    GraphTeacherForcedPass(MusicVaeGraph graph) {
        this.graph = graph;
    }

    /** Builds a float32 graph for {@code weights} and evaluates it ({@link Evaluator}): {@code palette eval}. */
    static EvaluationReport evaluate(ModelConfig config, WeightSet weights, LabelWindows windows,
                                     EvaluationSplit split, long step, long seed, int batchSize) {
        return Evaluator.evaluate(config, new GraphTeacherForcedPass(MusicVaeGraph.build(config, weights,
                DataType.FLOAT)), windows, split, step, seed, batchSize);
    }

    @Override
    public Figures run(int[][] labels, float[] eps) {
        ModelConfig config = graph.config();
        INDArray noise = Nd4j.create(eps, new long[] {labels.length, config.zSize()}, 'c').castTo(DataType.FLOAT);
        Map<String, INDArray> out = graph.sameDiff().output(
                graph.feed(MelodyTensors.oneHot(labels, config.numClasses(), graph.dataType()), noise, 0.0),
                MusicVaeGraph.LOGITS, MusicVaeGraph.R_LOSS, MusicVaeGraph.KL, MusicVaeGraph.Z);
        Figures figures = new Figures(MelodyTensors.argmaxLabels(out.get(MusicVaeGraph.LOGITS), config.numSteps()),
                out.get(MusicVaeGraph.Z).toFloatMatrix(), out.get(MusicVaeGraph.R_LOSS).sumNumber().doubleValue(),
                out.get(MusicVaeGraph.KL).sumNumber().doubleValue());
        graph.closeRunArrays();
        return figures;
    }

    /**
     * Training keeps its step's arrays for the next step; evaluation's shapes differ, so it runs on
     * arrays of its own and does not make training allocate its arrays again.
     */
    @Override
    public <T> T evaluation(Supplier<T> evaluation) {
        return graph.withOwnRunArrays(evaluation);
    }

    @Override
    public void load(Map<String, float[]> weights) {
        weights.forEach((name, values) -> Nd4jCopies.store(graph.variable(name), values));
    }

    @Override
    public WeightSet weights() {
        return graph.weights();
    }
}
