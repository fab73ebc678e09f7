package org.melodypalette.app.workbench.model;

import java.util.Locale;
import java.util.Map;

/**
 * The names people read for the attribute vectors a model ships ({@code note_density} →
 * "Note density"), and what moving along one does, for the Generate tab's sliders.
 */
public final class AttributeNames {

    private static final Map<String, String> LABELS = Map.of(
            "note_density", "Note density",
            "pitch_height", "Pitch height",
            "pitch_range", "Pitch range",
            "syncopation", "Syncopation",
            "rest_share", "Rests");

    private static final Map<String, String> EFFECTS = Map.of(
            "note_density", "fewer notes ↔ more notes",
            "pitch_height", "lower ↔ higher",
            "pitch_range", "narrower ↔ wider leaps",
            "syncopation", "on the beat ↔ off the beat",
            "rest_share", "fewer rests ↔ more rests");

    private AttributeNames() {
    }

    /** "Note density" for {@code note_density}; unknown names lose their underscores. */
    public static String label(String attribute) {
        String known = LABELS.get(attribute);
        if (known != null) {
            return known;
        }
        String words = attribute.replace('_', ' ').trim();
        return words.isEmpty() ? attribute : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** "fewer notes ↔ more notes": what the slider's two ends do. */
    public static String effect(String attribute) {
        return EFFECTS.getOrDefault(attribute, "less ↔ more");
    }
}
