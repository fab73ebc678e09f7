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
 * @param lane       the arrangement lane's clips in order (empty for none; null reads as empty)
 */
public record ProjectState(Melody clip, Melody slotA, Melody slotB, List<Melody> corners, String checkpoint,
                           ProjectSettings settings, List<Melody> lane) {

    /** A project without an arrangement lane (as projects were before the lane). */
    public ProjectState(Melody clip, Melody slotA, Melody slotB, List<Melody> corners, String checkpoint,
                        ProjectSettings settings) {
        this(clip, slotA, slotB, corners, checkpoint, settings, List.of());
    }

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
        lane = lane == null ? List.of() : List.copyOf(lane);
    }
}
