package org.melodypalette.app.workbench.model;

import java.nio.file.Path;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.melodypalette.model.api.ModelInfo;

/**
 * Which model made a set of results (the interpolation strip, the palette grid, generated samples),
 * so results left on screen after a model switch are marked as stale instead of passing for the new
 * model's. The results stay (they are the user's to play, edit or export); {@link #staleNoteProperty()}
 * says which model made them and what to press to redo them.
 */
public final class MadeWith {

    private final ModelSession session;
    private final String redo;
    private final ReadOnlyStringWrapper staleNote = new ReadOnlyStringWrapper(this, "staleNote", "");
    private Path checkpoint;
    private String description;

    /** @param redo the button that recomputes the results, e.g. "Interpolate" */
    public MadeWith(ModelSession session, String redo) {
        this.session = session;
        this.redo = redo;
        session.checkpointProperty().addListener(o -> update());
        session.infoProperty().addListener(o -> update());
    }

    /** Records that the results now on screen were made with the model open now. */
    public void stamp() {
        checkpoint = session.checkpointProperty().get();
        ModelInfo info = session.infoProperty().get();
        description = info == null ? "another model" : ModelDescription.shortName(info, checkpoint);
        update();
    }

    /** The results were removed: nothing to mark. */
    public void clear() {
        checkpoint = null;
        description = null;
        update();
    }

    /** Empty while the results belong to the open model; otherwise one sentence saying they do not. */
    public ReadOnlyStringProperty staleNoteProperty() {
        return staleNote.getReadOnlyProperty();
    }

    public boolean isStale() {
        return !staleNote.get().isEmpty();
    }

    private void update() {
        boolean stale = description != null && !Objects.equals(checkpoint, session.checkpointProperty().get());
        staleNote.set(stale ? "Made with " + description + ", not the model open now: press " + redo
                + " to redo them" : "");
    }
}
