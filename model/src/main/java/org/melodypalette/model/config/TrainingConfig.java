package org.melodypalette.model.config;

/**
 * Optimisation hyperparameters, with Magenta's names and schedules:
 * learning rate {@code (learningRate − minLearningRate) · decayRate^step + minLearningRate},
 * KL weight {@code (1 − betaRate^step) · maxBeta}, KL cost {@code max(KL − freeBits · ln 2, 0)},
 * Adam, global-norm gradient clipping, and optional inverse-sigmoid scheduled sampling.
 *
 * @param batchSize           sequences per step
 * @param learningRate        initial Adam learning rate
 * @param minLearningRate     floor of the exponential decay
 * @param decayRate           per-step learning-rate decay factor
 * @param maxBeta             final KL weight
 * @param betaRate            per-step beta annealing rate (0 = beta is maxBeta from the start)
 * @param freeBits            KL bits per sequence that are not penalised
 * @param gradClipNorm        global gradient-norm clip
 * @param samplingSchedule    scheduled sampling: none or inverse sigmoid
 * @param samplingRate        inverse-sigmoid rate k: P(teacher forcing) = k / (k + exp(step / k))
 * @param transposeSemitones  data augmentation: random transposition within ±N, staying in range
 */
public record TrainingConfig(
        int batchSize,
        double learningRate,
        double minLearningRate,
        double decayRate,
        double maxBeta,
        double betaRate,
        double freeBits,
        double gradClipNorm,
        SamplingSchedule samplingSchedule,
        double samplingRate,
        int transposeSemitones) {

    /** Scheduled sampling policies Magenta offers for melody models. */
    public enum SamplingSchedule { NONE, INVERSE_SIGMOID }

    /** Magenta's base defaults (lstm_models.get_default_hparams). */
    public static final TrainingConfig MAGENTA_DEFAULT = new TrainingConfig(
            512, 1e-3, 1e-5, 0.9999, 1.0, 0.0, 0.0, 1.0, SamplingSchedule.NONE, 0.0, 0);

    public TrainingConfig {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize " + batchSize + " must be positive");
        }
        ModelSizeLimits.checkBatch(batchSize);
        if (!(learningRate > 0) || !(minLearningRate >= 0) || minLearningRate > learningRate) {
            throw new IllegalArgumentException("learning rates " + learningRate + " / "
                    + minLearningRate + " must satisfy 0 <= min <= initial, initial > 0");
        }
        if (!(decayRate > 0 && decayRate <= 1) || !(betaRate >= 0 && betaRate < 1)) {
            throw new IllegalArgumentException("decayRate " + decayRate + " must be in (0, 1] and betaRate "
                    + betaRate + " in [0, 1)");
        }
        if (!(maxBeta >= 0) || !(freeBits >= 0) || !(gradClipNorm > 0)) {
            throw new IllegalArgumentException("maxBeta, freeBits must be >= 0 and gradClipNorm > 0");
        }
        if (samplingSchedule == null) {
            throw new IllegalArgumentException("samplingSchedule is required");
        }
        if (samplingSchedule == SamplingSchedule.INVERSE_SIGMOID && !(samplingRate > 0)) {
            throw new IllegalArgumentException("inverse-sigmoid sampling needs samplingRate > 0");
        }
        if (transposeSemitones < 0 || transposeSemitones > 24) {
            throw new IllegalArgumentException("transposeSemitones " + transposeSemitones + " is outside 0..24");
        }
    }

    public TrainingConfig withBatchSize(int newBatchSize) {
        return new TrainingConfig(newBatchSize, learningRate, minLearningRate, decayRate, maxBeta, betaRate,
                freeBits, gradClipNorm, samplingSchedule, samplingRate, transposeSemitones);
    }

    public TrainingConfig withBeta(double newMaxBeta, double newBetaRate, double newFreeBits) {
        return new TrainingConfig(batchSize, learningRate, minLearningRate, decayRate, newMaxBeta,
                newBetaRate, newFreeBits, gradClipNorm, samplingSchedule, samplingRate, transposeSemitones);
    }

    public TrainingConfig withLearningRate(double initial, double min, double decay) {
        return new TrainingConfig(batchSize, initial, min, decay, maxBeta, betaRate,
                freeBits, gradClipNorm, samplingSchedule, samplingRate, transposeSemitones);
    }

    public TrainingConfig withSampling(SamplingSchedule schedule, double rate) {
        return new TrainingConfig(batchSize, learningRate, minLearningRate, decayRate, maxBeta, betaRate,
                freeBits, gradClipNorm, schedule, rate, transposeSemitones);
    }

    public TrainingConfig withTranspose(int semitones) {
        return new TrainingConfig(batchSize, learningRate, minLearningRate, decayRate, maxBeta, betaRate,
                freeBits, gradClipNorm, samplingSchedule, samplingRate, semitones);
    }
}
