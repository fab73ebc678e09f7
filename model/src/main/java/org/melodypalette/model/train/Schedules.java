package org.melodypalette.model.train;

import org.melodypalette.model.config.TrainingConfig;
import org.melodypalette.model.config.TrainingConfig.SamplingSchedule;

/** Magenta's per-step schedules as pure functions of the global step (0 for the first update). */
public final class Schedules {

    private Schedules() {
    }

    /** {@code (lr0 − lr_min) · decay^step + lr_min}. */
    public static double learningRate(TrainingConfig config, long step) {
        return (config.learningRate() - config.minLearningRate()) * Math.pow(config.decayRate(), step)
                + config.minLearningRate();
    }

    /** KL weight {@code (1 − rate^step) · max_beta}; a rate of 0 gives max_beta from the start, as in Magenta. */
    public static double beta(TrainingConfig config, long step) {
        return (1 - Math.pow(config.betaRate(), step)) * config.maxBeta();
    }

    /**
     * The chance that a decoder input is the true previous label rather than the model's own sample:
     * 1 without scheduled sampling; {@code k / (k + exp(step / k))} for inverse sigmoid with
     * {@code k = samplingRate} (Magenta's {@code 1 − sampling_probability}).
     */
    public static double teacherForcing(TrainingConfig config, long step) {
        if (config.samplingSchedule() == SamplingSchedule.NONE) {
            return 1.0;
        }
        double k = config.samplingRate();
        return k / (k + Math.exp(step / k));
    }
}
