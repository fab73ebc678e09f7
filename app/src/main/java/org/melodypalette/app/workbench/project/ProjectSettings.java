package org.melodypalette.app.workbench.project;

import org.melodypalette.model.api.DecodeOptions;

/**
 * User settings saved with a project. Out-of-range values from an edited file are clamped rather
 * than rejected: a settings typo must never cost the user their clip.
 */
public record ProjectSettings(double tempo, boolean loop, int keyRoot, String scale, boolean snapToScale,
                              String interpolation, int interpolationSteps, double temperature, double topP,
                              int viewBars, double rowHeight) {

    public static final ProjectSettings DEFAULTS =
            new ProjectSettings(120, true, 0, "MAJOR", false, "SLERP", 7,
                    DecodeOptions.DEFAULT_SAMPLING_TEMPERATURE, 1.0, 2, 12);

    public ProjectSettings {
        tempo = Double.isFinite(tempo) ? Math.max(30, Math.min(300, tempo)) : 120;
        keyRoot = Math.floorMod(keyRoot, 12);
        scale = scale == null ? "MAJOR" : scale;
        interpolation = interpolation == null ? "SLERP" : interpolation;
        interpolationSteps = Math.max(3, Math.min(16, interpolationSteps));
        temperature = Double.isFinite(temperature) ? Math.max(0, Math.min(10, temperature))
                : DecodeOptions.DEFAULT_SAMPLING_TEMPERATURE;
        topP = Double.isFinite(topP) && topP > 0 ? Math.min(1, topP) : 1.0;
        viewBars = Math.max(1, Math.min(16, viewBars));
        rowHeight = Double.isFinite(rowHeight) ? Math.max(6, Math.min(30, rowHeight)) : 12;
    }
}
