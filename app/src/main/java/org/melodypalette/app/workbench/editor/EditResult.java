package org.melodypalette.app.workbench.editor;

import java.util.Set;
import org.melodypalette.music.Melody;

/** A melody after an edit and the notes that should be selected afterwards. */
public record EditResult(Melody melody, Set<org.melodypalette.music.Note> selection) {

    public EditResult {
        if (melody == null) {
            throw new IllegalArgumentException("melody is required");
        }
        selection = Set.copyOf(selection);
    }
}
