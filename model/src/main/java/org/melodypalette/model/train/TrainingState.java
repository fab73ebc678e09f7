package org.melodypalette.model.train;

/**
 * Where a run is, stored as {@code training_state.json} beside the weights. Nothing random needs
 * saving: data order, augmentation and noise of step s are derived from {@code (seed, s)}.
 *
 * @param step                updates done
 * @param seed                the run's seed
 * @param datasetFingerprint  {@link org.melodypalette.model.data.TrainingBatches#fingerprint} of the train windows
 * @param trainWindows        number of train windows
 * @param elapsedSeconds      training wall time over all sessions
 */
public record TrainingState(long step, long seed, long datasetFingerprint, int trainWindows, double elapsedSeconds) {

    public static final String FILE_NAME = "training_state.json";

    public TrainingState {
        if (step < 0 || trainWindows < 0 || !(elapsedSeconds >= 0)) {
            throw new IllegalArgumentException("step " + step + ", trainWindows " + trainWindows
                    + " and elapsedSeconds " + elapsedSeconds + " must be non-negative");
        }
    }
}
