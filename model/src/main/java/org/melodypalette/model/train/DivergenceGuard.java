package org.melodypalette.model.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.melodypalette.model.checkpoint.WeightTensor;

/**
 * Stops a run that diverged before anything non-finite reaches disk: the loss of every step must
 * be finite, and every checkpoint's parameters and Adam moments finite (second moments also
 * non-negative). A failure is one {@link Diverged} saying at which step and what, and which
 * checkpoint is left in the folder: it is never replaced by the diverged state.
 */
final class DivergenceGuard {

    /** Training stopped because its numbers are no longer finite; the folder keeps its last good checkpoint. */
    static final class Diverged extends IOException {
        Diverged(String message) {
            super(message);
        }
    }

    private DivergenceGuard() {
    }

    /** Fails when the loss of the step that ended at {@code step} is not finite. */
    static void requireFiniteLoss(Path folder, long step, double loss) throws Diverged {
        if (!Double.isFinite(loss)) {
            throw diverged(folder, step, "the loss is " + loss);
        }
    }

    /** Fails when a checkpoint about to be written holds a non-finite parameter or optimizer moment. */
    static void requireSound(Path folder, TrainingCheckpoint.Contents contents) throws Diverged {
        long step = contents.state().step();
        for (WeightTensor tensor : contents.weights().tensors()) {
            String problem = FiniteValues.problem(tensor.values(), false);
            if (problem != null) {
                throw diverged(folder, step, "parameter " + tensor.name() + " " + problem);
            }
        }
        String moment = contents.optimizer().firstUnsoundMoment();
        if (moment != null) {
            throw diverged(folder, step, "Adam's moment " + moment);
        }
    }

    private static Diverged diverged(Path folder, long step, String what) {
        String kept;
        try {
            kept = Files.isRegularFile(folder.resolve(TrainingState.FILE_NAME))
                    ? "the checkpoint of step " + TrainingCheckpoint.readStep(folder) + " in " + folder + " is kept"
                    : "no checkpoint was written to " + folder;
        } catch (IOException e) {
            kept = "the checkpoint in " + folder + " was not replaced";
        }
        return new Diverged("training diverged at step " + step + " (" + what + "); stopped without saving it, "
                + kept + ". Resume from there with a lower learning rate, or check the data and the optimizer "
                + "state.");
    }
}
