package org.melodypalette.app.workbench.theme;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.paint.Color;

/**
 * The colours the piano roll and the clip thumbnails paint with, one set per {@link Theme}: rows
 * that show the keyboard and the key, bar and beat lines, notes (green, as DAWs draw MIDI), the
 * selection (amber) and the playhead (red). The canvases listen to {@link #activeProperty()} so a
 * theme switch repaints them.
 */
public record RollColors(Color background, Color whiteRow, Color blackRow, Color inKeyRow, Color rootRow,
                         Color rowLine, Color stepLine, Color beatLine, Color barLine,
                         Color note, Color noteEdge, Color selected, Color selectedEdge, Color playhead,
                         Color whiteKey, Color blackKey, Color keyLabel, Color keyEdge,
                         Color laneBackground, Color laneLabel, Color boxSelect, Color blendOther, Color emptyLabel) {

    public static final RollColors DARK = new RollColors(
            Color.web("#1c1d21"), Color.web("#24262b"), Color.web("#1c1d21"), Color.web("#2a2e37"),
            Color.web("#33394a"),
            Color.web("#2c2e33"), Color.web("#2a2c31"), Color.web("#3b3e46"), Color.web("#5c606b"),
            Color.web("#3ddc84"), Color.web("#15803d"), Color.web("#fbbf24"), Color.web("#b45309"),
            Color.web("#ff4d5e"),
            Color.web("#d4d4d8"), Color.web("#27272a"), Color.web("#3f3f46"), Color.web("#52525b"),
            Color.web("#18191c"), Color.web("#a1a1aa"), Color.web("#60a5fa"), Color.web("#f472b6"),
            Color.web("#71717a"));

    public static final RollColors LIGHT = new RollColors(
            Color.web("#ffffff"), Color.web("#ffffff"), Color.web("#f1f1f3"), Color.web("#eef6f0"),
            Color.web("#d9efe0"),
            Color.web("#e4e4e7"), Color.web("#ececee"), Color.web("#c4c4ca"), Color.web("#71717a"),
            Color.web("#16a34a"), Color.web("#14532d"), Color.web("#f59e0b"), Color.web("#92400e"),
            Color.web("#e11d48"),
            Color.web("#fafafa"), Color.web("#27272a"), Color.web("#3f3f46"), Color.web("#d4d4d8"),
            Color.web("#fafafa"), Color.web("#52525b"), Color.web("#2563eb"), Color.web("#db2777"),
            Color.web("#a1a1aa"));

    private static final ObjectProperty<RollColors> ACTIVE = new SimpleObjectProperty<>(DARK);

    /** The colours of the window's current theme (one window, so one value; set by {@link Theme#apply}). */
    public static ObjectProperty<RollColors> activeProperty() {
        return ACTIVE;
    }

    public static RollColors active() {
        return ACTIVE.get();
    }
}
