package org.melodypalette.model.train;

import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ModelConfig;

/**
 * Makes a MusicVAE run's {@link TrainingStep}: the hand-written step or the SameDiff graph, as the
 * settings' compute options say ({@code graphtrain.TrainingEngines} chooses, since {@code AUTO} depends on
 * ND4J's backend).
 */
@FunctionalInterface
public interface TrainingEngine {

    /**
     * @param weights   the starting weights, every variable of {@code config}
     * @param optimizer Adam's state, updated by every step
     */
    TrainingStep step(ModelConfig config, WeightSet weights, AdamOptimizer optimizer, Trainer.Settings settings);
}
