package org.melodypalette.app.workbench.latent;

import javafx.scene.control.Label;
import org.melodypalette.app.workbench.model.MadeWith;

/** The label above a set of results that says they were made with another model (hidden otherwise). */
final class StaleNote {

    private StaleNote() {
    }

    static Label label(MadeWith madeWith, String id) {
        Label note = new Label();
        note.setId(id);
        note.getStyleClass().add("stale-note");
        note.setWrapText(true);
        note.textProperty().bind(madeWith.staleNoteProperty());
        note.visibleProperty().bind(madeWith.staleNoteProperty().isNotEmpty());
        note.managedProperty().bind(note.visibleProperty());
        return note;
    }

    /** Dims {@code results} (pseudo-class {@code :stale}) while they belong to another model. */
    static void dim(javafx.scene.Node results, MadeWith madeWith) {
        javafx.css.PseudoClass stale = javafx.css.PseudoClass.getPseudoClass("stale");
        madeWith.staleNoteProperty().addListener((obs, old, now) -> results.pseudoClassStateChanged(stale, !now.isEmpty()));
    }
}
