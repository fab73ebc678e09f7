package org.melodypalette.model.train;

import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The loss and gradients of one training batch on the current weights (the graph's variables):
 * {@link HandWrittenTrainingStep} on float arrays, or {@link GraphTrainingStep} on the SameDiff
 * graph. Both compute the same math (docs/ARCHITECTURE.md §8; MusicVaeBackpropTest, TrainerTest).
 */
interface TrainingStep extends AutoCloseable {

    /**
     * @param labels {@code [B][T]} class labels: encoder input and decoder target
     * @param eps    {@code [B, Z]} reparameterisation noise
     * @param draw   scheduled sampling's inputs, or null for teacher forcing
     * @param update called once with every variable's gradient by name, before the arrays are freed
     * @return the batch's figures
     */
    Trainer.StepFigures run(int[][] labels, INDArray eps, double beta, ScheduledSamplingDraw draw,
                            Consumer<Map<String, INDArray>> update);

    /** The engine in words, for the log. */
    String description();

    @Override
    void close();
}
