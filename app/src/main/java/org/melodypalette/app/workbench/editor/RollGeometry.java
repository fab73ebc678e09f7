package org.melodypalette.app.workbench.editor;

/**
 * Maps between piano-roll pixels and (step, pitch). Rows run from {@link MelodyEdits#HIGHEST_PITCH}
 * at the top to {@link MelodyEdits#LOWEST_PITCH} at the bottom; columns are grid steps from
 * {@code firstStep}, right of a keyboard gutter {@code keyWidth} pixels wide.
 */
public record RollGeometry(double keyWidth, double width, int firstStep, int visibleSteps, double rowHeight) {

    public static final int ROWS = MelodyEdits.HIGHEST_PITCH - MelodyEdits.LOWEST_PITCH + 1;

    public RollGeometry {
        if (visibleSteps < 1) {
            throw new IllegalArgumentException("visibleSteps " + visibleSteps + " must be positive");
        }
        if (rowHeight <= 0) {
            throw new IllegalArgumentException("rowHeight " + rowHeight + " must be positive");
        }
    }

    public double stepWidth() {
        return Math.max(1.0, (width - keyWidth) / visibleSteps);
    }

    public double height() {
        return ROWS * rowHeight;
    }

    public double xOf(int step) {
        return keyWidth + (step - firstStep) * stepWidth();
    }

    /** The step under {@code x} (may fall outside the visible window; callers clamp). */
    public int stepAt(double x) {
        return firstStep + (int) Math.floor((x - keyWidth) / stepWidth());
    }

    /** Top of the row of {@code pitch}. */
    public double yOf(int pitch) {
        return (MelodyEdits.HIGHEST_PITCH - pitch) * rowHeight;
    }

    public int pitchAt(double y) {
        int pitch = MelodyEdits.HIGHEST_PITCH - (int) Math.floor(y / rowHeight);
        return MelodyEdits.clamp(pitch, MelodyEdits.LOWEST_PITCH, MelodyEdits.HIGHEST_PITCH);
    }

    /** Centre of the cell (step, pitch), e.g. for tests that click on the roll. */
    public double[] centreOf(int step, int pitch) {
        return new double[] {xOf(step) + stepWidth() / 2, yOf(pitch) + rowHeight / 2};
    }
}
