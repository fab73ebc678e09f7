package org.melodypalette.app.workbench.model;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.melodypalette.music.Melody;

/**
 * A slot's clip as the open model will read it: {@link #fit()} gives the clip shaped to the model's
 * length, and {@link #noteProperty()} says, whenever the clip or the model changes, what shaping
 * it needs ("B uses bars 1–2 of 16") so the slot can show it before anything is computed.
 */
public final class FittedSlot {

    private final String name;
    private final ObservableValue<Melody> clip;
    private final ModelSession session;
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");

    /** @param name the slot's name in messages, e.g. "A" */
    public FittedSlot(String name, ObservableValue<Melody> clip, ModelSession session) {
        this.name = name;
        this.clip = clip;
        this.session = session;
        clip.addListener(o -> update());
        session.infoProperty().addListener(o -> update());
        update();
    }

    /** The slot's clip shaped for the model open now. */
    public ClipFit fit() {
        return ClipFit.of(name, clip.getValue(), session.infoProperty().get());
    }

    /** Empty when the clip goes to the model as it is (or the slot is empty); otherwise the fit's note. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    private void update() {
        ClipFit fit = clip.getValue() == null ? null : fit();
        note.set(fit == null || !fit.changed() ? "" : fit.note());
    }
}
