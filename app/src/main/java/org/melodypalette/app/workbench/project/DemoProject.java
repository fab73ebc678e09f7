package org.melodypalette.app.workbench.project;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * What a first start opens on, so the window shows what to do instead of empty slots: slot A holds
 * a bright major arpeggio phrase, slot B a stepwise falling-and-rising reel-like phrase (both 2 bars
 * at 110 qpm), the editor holds A and the palette's top corners hold A and B.
 */
public final class DemoProject {

    /** The tempo of the demo tunes. */
    public static final double TEMPO = 110;

    private static final TimeGrid GRID = TimeGrid.SIXTEENTHS_4_4.withTempo(TEMPO);

    /** Each note as {pitch, velocity, start step, end step}. */
    private static final int[][] ARPEGGIO = {
        {60, 96, 0, 2}, {64, 80, 2, 4}, {67, 88, 4, 6}, {72, 110, 6, 10}, {71, 80, 10, 12}, {67, 84, 12, 14},
        {64, 76, 14, 16}, {65, 96, 16, 18}, {69, 80, 18, 20}, {72, 92, 20, 24}, {69, 78, 24, 26},
        {65, 80, 26, 28}, {64, 100, 28, 32}};
    private static final int[][] REEL = {
        {76, 100, 0, 3}, {74, 70, 3, 4}, {72, 90, 4, 8}, {71, 80, 8, 10}, {69, 84, 10, 12}, {67, 96, 12, 16},
        {69, 80, 16, 18}, {71, 80, 18, 20}, {72, 88, 20, 22}, {74, 92, 22, 24}, {76, 110, 24, 32}};

    private DemoProject() {
    }

    /** Slot A's demo tune. */
    public static Melody tuneA() {
        return melody(ARPEGGIO);
    }

    /** Slot B's demo tune. */
    public static Melody tuneB() {
        return melody(REEL);
    }

    /** The demo project, with no model of its own (the workbench opens its default model). */
    public static ProjectState state() {
        Melody a = tuneA();
        Melody b = tuneB();
        List<Melody> corners = Arrays.asList(a, b, null, null);
        ProjectSettings defaults = ProjectSettings.DEFAULTS;
        ProjectSettings settings = new ProjectSettings(TEMPO, true, 0, "MAJOR", false, "SLERP", 7,
                defaults.temperature(), defaults.topP(), 2, defaults.rowHeight());
        return new ProjectState(a, a, b, corners, null, settings);
    }

    private static Melody melody(int[][] spec) {
        List<Note> notes = new ArrayList<>();
        for (int[] n : spec) {
            notes.add(new Note(n[0], n[1], n[2], n[3]));
        }
        return new Melody(GRID, 32, notes);
    }
}
