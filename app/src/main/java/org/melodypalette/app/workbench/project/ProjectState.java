package org.melodypalette.app.workbench.project;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.melodypalette.music.Melody;

/**
 * Everything the workbench restores on the next start: the clip being edited, slots A/B, the
 * palette corners, the chosen model and the settings. Immutable; slots and corners may be null.
 *
 * @param checkpoint folder of the chosen model, or null for none
 * @param corners    exactly four entries (top-left, top-right, bottom-left, bottom-right), null = empty
 */
public record ProjectState(Melody clip, Melody slotA, Melody slotB, List<Melody> corners, String checkpoint,
                           ProjectSettings settings) {

    public ProjectState {
        if (clip == null) {
            throw new IllegalArgumentException("a project needs a clip");
        }
        if (settings == null) {
            throw new IllegalArgumentException("a project needs settings");
        }
        List<Melody> four = new ArrayList<>(corners == null ? List.of() : corners);
        if (four.size() > 4) {
            throw new IllegalArgumentException("a palette has 4 corners, not " + four.size());
        }
        while (four.size() < 4) {
            four.add(null);
        }
        corners = Collections.unmodifiableList(four);
    }
}
