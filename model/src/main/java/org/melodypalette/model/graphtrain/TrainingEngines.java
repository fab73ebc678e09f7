package org.melodypalette.model.graphtrain;

import java.io.IOException;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.EvaluationSplit;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.TrainingConfig.SamplingSchedule;
import org.melodypalette.model.net.MusicVaeGraph;
import org.melodypalette.model.net.MusicVaeGraph.DecoderInputs;
import org.melodypalette.model.net.MusicVaeVariables;
import org.melodypalette.model.train.AdamOptimizer;
import org.melodypalette.model.train.HandWrittenTrainingStep;
import org.melodypalette.model.train.Trainer;
import org.melodypalette.model.train.TrainingCheckpoint;
import org.melodypalette.model.train.TrainingEngine;
import org.melodypalette.model.train.TrainingStep;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * MusicVAE training and evaluation with the engine the settings' {@link ComputeOptions} choose: the
 * {@link TrainingEngine} of {@link #BY_OPTIONS}, and {@link Trainer}'s runs started and resumed with it.
 * Either engine keeps a float32 SameDiff graph of the run's weights, which evaluation runs.
 */
public final class TrainingEngines {

    /** The hand-written step or the graph's, as {@link Trainer.Settings#compute()} says ({@link #handWritten}). */
    public static final TrainingEngine BY_OPTIONS = TrainingEngines::step;

    private TrainingEngines() {
    }

    /** A new run from weights initialised with the settings' seed. */
    public static Trainer start(ModelConfig config, WindowDataset data, Trainer.Settings settings) {
        return start(config, data, settings, MusicVaeVariables.initialize(config, settings.seed()), 0);
    }

    /** A new run from {@code weights} at {@code step} ({@link Trainer#start}). */
    public static Trainer start(ModelConfig config, WindowDataset data, Trainer.Settings settings, WeightSet weights,
                                long step) {
        return Trainer.start(config, data, settings, weights, step, BY_OPTIONS);
    }

    /** Continues the checkpoint in the settings' output folder; refuses other training data. */
    public static Trainer resume(WindowDataset data, Trainer.Settings settings) throws IOException {
        return resume(TrainingCheckpoint.read(settings.outputDir()), data, settings);
    }

    /** Continues {@code saved}, read from the settings' output folder. */
    public static Trainer resume(TrainingCheckpoint.Contents saved, WindowDataset data, Trainer.Settings settings)
            throws IOException {
        return Trainer.resume(saved, data, settings, BY_OPTIONS);
    }

    /** Evaluates {@code weights} on {@code windows} with a float32 graph: {@code palette eval}'s reconstruction. */
    public static EvaluationReport evaluate(ModelConfig config, WeightSet weights, LabelWindows windows,
                                            EvaluationSplit split, long step, long seed, int batchSize) {
        return GraphTeacherForcedPass.evaluate(config, weights, windows, split, step, seed, batchSize);
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

    private static TrainingStep step(ModelConfig config, WeightSet weights, AdamOptimizer optimizer,
                                     Trainer.Settings settings) {
        MusicVaeGraph graph = trainingGraph(config, weights);
        return handWritten(settings.compute().engine())
                ? new HandWrittenTrainingStep(config, weights, optimizer, settings.shards(),
                        settings.compute().kernel(), new GraphTeacherForcedPass(graph))
                : new GraphTrainingStep(config, graph, optimizer);
    }

    /** The float32 graph to train: with scheduled-sampling inputs unless the config has no sampling schedule. */
    private static MusicVaeGraph trainingGraph(ModelConfig config, WeightSet weights) {
        return MusicVaeGraph.build(config, weights, DataType.FLOAT,
                config.training().samplingSchedule() == SamplingSchedule.NONE
                        ? DecoderInputs.TEACHER_FORCED : DecoderInputs.SCHEDULED_SAMPLING);
    }
}
