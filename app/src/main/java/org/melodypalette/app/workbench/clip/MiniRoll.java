package org.melodypalette.app.workbench.clip;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.melodypalette.app.workbench.theme.RollColors;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;

/**
 * A small read-only piano roll of one melody, scaled to fit (pitch range of the notes, padded), or
 * a data-space blend of two melodies drawn with opacities {@code 1 − t} and {@code t}.
 */
public final class MiniRoll extends Canvas {

    /** Repaints on a theme switch (held here: the theme's property only keeps a weak reference). */
    private final javafx.beans.InvalidationListener repaintOnTheme = o -> redraw();

    private Melody melody;
    private Melody blendWith;
    private double blend;
    private double cursorStep = -1;
    private int mutedBefore;

    public MiniRoll(double width, double height) {
        super(width, height);
        RollColors.activeProperty().addListener(new javafx.beans.WeakInvalidationListener(repaintOnTheme));
        redraw();
    }

    public Melody melody() {
        return melody;
    }

    public void setMelody(Melody melody) {
        this.melody = melody;
        this.blendWith = null;
        redraw();
    }

    /** Draws {@code a} at opacity 1 − t over {@code b} at opacity t: interpolation in data space. */
    public void setBlend(Melody a, Melody b, double t) {
        this.melody = a;
        this.blendWith = b;
        this.blend = t;
        redraw();
    }

    /**
     * Draws the notes that start before {@code step} paler, with a line at {@code step}: what was there
     * before (a continued clip's own bars) set apart from what is new. 0 draws every note alike.
     */
    public void setMutedBefore(int step) {
        mutedBefore = Math.max(0, step);
        redraw();
    }

    /** Playback position in steps, negative hides it. */
    public void setCursorStep(double step) {
        if (step != cursorStep) {
            cursorStep = step;
            redraw();
        }
    }

    private void redraw() {
        GraphicsContext gc = getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        RollColors c = RollColors.active();
        gc.setFill(c.background());
        gc.fillRect(0, 0, w, h);
        gc.setStroke(c.keyEdge());
        gc.strokeRect(0.5, 0.5, w - 1, h - 1);
        if (melody == null) {
            gc.setFill(c.emptyLabel());
            gc.fillText("empty", w / 2 - 14, h / 2 + 4);
            return;
        }
        int[] range = pitchRange();
        int low = range[0] - 2;
        int high = range[1] + 2;
        double stepWidth = w / melody.lengthSteps();
        double rowHeight = h / (high - low + 1);
        int stepsPerBar = melody.grid().stepsPerBar();
        gc.setStroke(c.beatLine());
        for (int bar = stepsPerBar; bar < melody.lengthSteps(); bar += stepsPerBar) {
            gc.strokeLine(bar * stepWidth, 0, bar * stepWidth, h);
        }
        if (blendWith != null) {
            paint(gc, blendWith, c.blendOther(), blend, low, high, stepWidth, rowHeight);
            paint(gc, melody, c.note(), 1 - blend, low, high, stepWidth, rowHeight);
        } else if (mutedBefore > 0) {
            gc.setStroke(c.note());
            gc.strokeLine(mutedBefore * stepWidth, 0, mutedBefore * stepWidth, h);
            paint(gc, melody.slice(0, Math.min(mutedBefore, melody.lengthSteps())), c.note(), 0.4, low, high,
                    stepWidth, rowHeight);
            if (mutedBefore < melody.lengthSteps()) {
                Melody after = melody.slice(mutedBefore, melody.lengthSteps());
                paint(gc, after, c.note(), 1, low, high, stepWidth, rowHeight, mutedBefore);
            }
        } else {
            paint(gc, melody, c.note(), 1, low, high, stepWidth, rowHeight);
        }
        if (cursorStep >= 0) {
            gc.setStroke(c.playhead());
            gc.strokeLine(cursorStep * stepWidth, 0, cursorStep * stepWidth, h);
        }
    }

    private static void paint(GraphicsContext gc, Melody m, Color color, double opacity, int low, int high,
                              double stepWidth, double rowHeight) {
        paint(gc, m, color, opacity, low, high, stepWidth, rowHeight, 0);
    }

    /** Paints {@code m}'s notes {@code offset} steps to the right. */
    private static void paint(GraphicsContext gc, Melody m, Color color, double opacity, int low, int high,
                              double stepWidth, double rowHeight, int offset) {
        gc.setFill(color.deriveColor(0, 1, 1, Math.max(0.05, opacity)));
        for (Note n : m.notes()) {
            double y = (high - n.pitch()) * rowHeight;
            gc.fillRect((n.startStep() + offset) * stepWidth + 0.5, y, Math.max(1.5, n.lengthSteps() * stepWidth - 1),
                    Math.max(2, rowHeight));
        }
    }

    private int[] pitchRange() {
        int[] a = melody.pitchRange();
        int[] b = blendWith == null ? null : blendWith.pitchRange();
        if (a == null && b == null) {
            return new int[] {60, 72};
        }
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return new int[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])};
    }
}
