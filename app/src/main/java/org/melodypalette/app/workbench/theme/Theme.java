package org.melodypalette.app.workbench.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.prefs.Preferences;
import javafx.application.Application;

/**
 * The workbench's look: AtlantaFX's Primer theme, dark (the default, as DAWs are) or light, with
 * the matching {@link RollColors}. The choice is remembered in the user's preferences.
 */
public enum Theme {
    DARK, LIGHT;

    /** The preference key the choice is saved under. */
    public static final String KEY = "theme";

    /** The application-wide stylesheet of this theme (AtlantaFX). */
    public String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    public RollColors rollColors() {
        return this == DARK ? RollColors.DARK : RollColors.LIGHT;
    }

    /** Makes this the look of the application (call on the JavaFX thread). */
    public void apply() {
        Application.setUserAgentStylesheet(userAgentStylesheet());
        RollColors.activeProperty().set(rollColors());
    }

    /** The theme saved in {@code preferences}, dark when none or an unknown one is saved. */
    public static Theme saved(Preferences preferences) {
        try {
            return valueOf(preferences.get(KEY, DARK.name()));
        } catch (IllegalArgumentException unknown) {
            return DARK;
        }
    }

    /**
     * Where the workbench keeps its preferences: the user node {@code -Dpalette.preferences} (tests
     * use their own), else {@code org/melodypalette/workbench}.
     */
    public static Preferences preferences() {
        String node = System.getProperty("palette.preferences");
        return Preferences.userRoot().node(node == null || node.isBlank() ? "org/melodypalette/workbench" : node);
    }

    /** Remembers this theme in {@code preferences}. */
    public void save(Preferences preferences) {
        preferences.put(KEY, name());
        try {
            preferences.flush();
        } catch (java.util.prefs.BackingStoreException notSaved) {
            // The theme still applies to this session; the next start falls back to the default.
        }
    }
}
