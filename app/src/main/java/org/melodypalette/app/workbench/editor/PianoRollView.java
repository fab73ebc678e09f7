package org.melodypalette.app.workbench.editor;

import java.util.Set;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Orientation;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.melodypalette.app.workbench.theme.RollColors;
import javafx.scene.text.Font;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;

/**
 * The piano roll: a keyboard gutter, the note grid (scrolls vertically), a velocity lane and a bar
 * scroller for clips longer than the view. Mouse gestures become {@link EditorViewModel} commands;
 * nothing here edits the melody itself.
 */
public final class PianoRollView extends BorderPane {

    private static final double KEY_WIDTH = 44;
    private static final double RESIZE_HANDLE = 6;
    private static final double LANE_HEIGHT = 64;

    private final EditorViewModel model;
    private final DoubleProperty rowHeight = new SimpleDoubleProperty(this, "rowHeight", 12);
    private final DoubleProperty cursorStep = new SimpleDoubleProperty(this, "cursorStep", -1);
    private final Canvas grid = new Canvas();
    private final Canvas lane = new Canvas();
    private final Pane gridHolder = new Pane(grid);
    private final ScrollPane scroller = new ScrollPane(gridHolder);
    private final ScrollBar barScroll = new ScrollBar();

    private double pressX;
    private double pressY;
    private double dragX = Double.NaN;
    private double dragY;
    private Gesture gesture = Gesture.NONE;

    private enum Gesture { NONE, DRAW, MOVE, RESIZE, ERASE, BOX, VELOCITY }

    public PianoRollView(EditorViewModel model) {
        this.model = model;
        setId("pianoRoll");
        grid.setId("pianoRollGrid");
        lane.setId("velocityLane");
        scroller.setFitToWidth(true);
        scroller.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroller.setPannable(false);
        barScroll.setOrientation(Orientation.HORIZONTAL);
        barScroll.setMin(0);
        barScroll.setBlockIncrement(1);
        barScroll.setUnitIncrement(1);
        lane.setHeight(LANE_HEIGHT);
        setCenter(scroller);
        setBottom(new VBox(lane, barScroll));

        grid.widthProperty().bind(scroller.widthProperty().subtract(16));
        grid.heightProperty().bind(rowHeight.multiply(RollGeometry.ROWS));
        lane.widthProperty().bind(grid.widthProperty());

        Runnable redraw = this::redraw;
        model.melodyProperty().addListener(o -> redraw.run());
        model.selectionProperty().addListener(o -> redraw.run());
        model.keyProperty().addListener(o -> redraw.run());
        model.viewBarsProperty().addListener(o -> syncBarScroll());
        model.viewStartBarProperty().addListener(o -> syncBarScroll());
        model.barsProperty().addListener(o -> syncBarScroll());
        grid.widthProperty().addListener(o -> redraw.run());
        grid.heightProperty().addListener(o -> redraw.run());
        cursorStep.addListener(o -> redraw.run());
        RollColors.activeProperty().addListener(new javafx.beans.WeakInvalidationListener(repaintOnTheme));
        barScroll.valueProperty().addListener((obs, old, now) ->
                model.viewStartBarProperty().set((int) Math.round(now.doubleValue())));

        grid.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onGridPressed);
        grid.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onGridDragged);
        grid.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onGridReleased);
        lane.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onLanePressed);
        lane.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onLaneDragged);
        lane.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> endGesture());
        // The first time the roll has a size, show the clip (or the middle of the keyboard).
        scroller.viewportBoundsProperty().addListener((obs, old, now) -> {
            if (old.getHeight() <= 0 && now.getHeight() > 0) {
                centreOnPitch(66);
                centreOnNotes();
            }
        });
        // Zooming keeps the pitch that was in the middle of the view there, and the clip in view
        // (a restored session sets the zoom after the first layout).
        rowHeight.addListener((obs, old, now) -> {
            double viewport = scroller.getViewportBounds().getHeight();
            if (viewport <= 0) {
                return;
            }
            RollGeometry before = geometry();
            double middle = scroller.getVvalue() * Math.max(0, old.doubleValue() * RollGeometry.ROWS - viewport)
                    + viewport / 2;
            int pitch = new RollGeometry(before.keyWidth(), before.width(), before.firstStep(), before.visibleSteps(),
                    old.doubleValue()).pitchAt(middle);
            Platform.runLater(() -> {
                centreOnPitch(pitch);
                revealNotes();
            });
        });
        syncBarScroll();
        redraw();
    }

    /** Repaints on a theme switch (held here: the theme's property only keeps a weak reference). */
    private final javafx.beans.InvalidationListener repaintOnTheme = o -> redraw();

    /** The smallest row height a clip is zoomed out to so that all its notes show. */
    public static final double MIN_ROW_HEIGHT = 5;
    /** Rows kept free above and below the notes when centring on them. */
    public static final int MARGIN_ROWS = 2;

    /** Row height in pixels: the vertical zoom. */
    public DoubleProperty rowHeightProperty() {
        return rowHeight;
    }

    /** Playback position in steps (fractional); negative hides the cursor. */
    public DoubleProperty cursorStepProperty() {
        return cursorStep;
    }

    /** The current pixel mapping of the note grid (its coordinates are local to the grid canvas). */
    public RollGeometry geometry() {
        int stepsPerBar = model.getMelody().grid().stepsPerBar();
        int viewBars = Math.max(1, Math.min(model.viewBarsProperty().get(), model.getMelody().bars()));
        return new RollGeometry(KEY_WIDTH, grid.getWidth(), model.viewStartBarProperty().get() * stepsPerBar,
                viewBars * stepsPerBar, rowHeight.get());
    }

    /** Scrolls so that {@code pitch} is in the middle of the view. */
    public void centreOnPitch(int pitch) {
        // Lay out first: right after a zoom the scroll pane still holds the old content height.
        scroller.layout();
        double y = geometry().yOf(pitch);
        double range = grid.getHeight() - scroller.getViewportBounds().getHeight();
        if (range > 0) {
            scroller.setVvalue(Math.max(0, Math.min(1, (y - scroller.getViewportBounds().getHeight() / 2) / range)));
        }
    }

    /** Scrolls to the middle of the clip's pitch range unless every note is already visible. */
    public void revealNotes() {
        Melody melody = model.getMelody();
        if (melody.isSilent() || scroller.getViewportBounds().getHeight() <= 0 || showsAllNotes()) {
            return;
        }
        centreOnNotes();
    }

    /**
     * Centres the view on the middle of the clip's pitch range, first zooming out (down to
     * {@link #MIN_ROW_HEIGHT}) when the range and a margin of {@link #MARGIN_ROWS} rows above and
     * below do not fit.
     */
    public void centreOnNotes() {
        Melody melody = model.getMelody();
        double viewport = scroller.getViewportBounds().getHeight();
        if (melody.isSilent() || viewport <= 0) {
            return;
        }
        int[] range = melody.pitchRange();
        int rows = range[1] - range[0] + 1 + 2 * MARGIN_ROWS;
        if (rows * rowHeight.get() > viewport) {
            rowHeight.set(Math.max(MIN_ROW_HEIGHT, Math.floor(viewport / rows)));
        }
        int middle = (range[0] + range[1]) / 2;
        centreOnPitch(middle);
        // A zoom re-centres later (see the row-height listener): centre on the notes after it.
        Platform.runLater(() -> centreOnPitch(middle));
    }

    /** True when every note's row lies inside the visible part of the roll. */
    public boolean showsAllNotes() {
        scroller.layout();
        double top = scroller.getVvalue() * Math.max(0, grid.getHeight() - scroller.getViewportBounds().getHeight());
        double bottom = top + scroller.getViewportBounds().getHeight();
        RollGeometry g = geometry();
        return model.getMelody().notes().stream()
                .allMatch(n -> g.yOf(n.pitch()) >= top && g.yOf(n.pitch()) + g.rowHeight() <= bottom);
    }

    public Canvas gridCanvas() {
        return grid;
    }

    public Canvas velocityLane() {
        return lane;
    }

    // Gestures on the note grid

    private void onGridPressed(MouseEvent e) {
        grid.requestFocus();
        RollGeometry g = geometry();
        pressX = e.getX();
        pressY = e.getY();
        int step = clampStep(g.stepAt(e.getX()));
        int pitch = g.pitchAt(e.getY());
        Note hit = e.getX() > KEY_WIDTH ? MelodyEdits.noteAt(model.getMelody(), step, pitch) : null;
        Tool tool = e.getButton() == MouseButton.SECONDARY ? Tool.ERASE : model.toolProperty().get();
        if (e.getX() <= KEY_WIDTH) {
            gesture = Gesture.NONE;
        } else if (tool == Tool.ERASE) {
            gesture = Gesture.ERASE;
            model.beginErase();
            model.eraseAt(step, pitch);
        } else if (hit != null && g.xOf(hit.endStep()) - e.getX() <= RESIZE_HANDLE) {
            gesture = Gesture.RESIZE;
            model.beginResize(hit);
        } else if (hit != null) {
            gesture = Gesture.MOVE;
            model.beginMove(hit, e.isShiftDown() || e.isShortcutDown());
        } else if (tool == Tool.DRAW) {
            gesture = Gesture.DRAW;
            model.beginDraw(step, pitch);
        } else {
            gesture = Gesture.BOX;
            if (!e.isShiftDown()) {
                model.clearSelection();
            }
        }
        e.consume();
    }

    private void onGridDragged(MouseEvent e) {
        RollGeometry g = geometry();
        int step = clampStep(g.stepAt(e.getX()));
        switch (gesture) {
            case DRAW -> model.dragDraw(step);
            case RESIZE -> model.dragResize(step);
            case ERASE -> model.eraseAt(step, g.pitchAt(e.getY()));
            case MOVE -> model.dragMove(g.stepAt(e.getX()) - g.stepAt(pressX), g.pitchAt(e.getY()) - g.pitchAt(pressY));
            case BOX -> {
                dragX = e.getX();
                dragY = e.getY();
                redraw();
            }
            default -> { }
        }
        e.consume();
    }

    private void onGridReleased(MouseEvent e) {
        if (gesture == Gesture.BOX && !Double.isNaN(dragX)) {
            RollGeometry g = geometry();
            int from = g.stepAt(Math.min(pressX, dragX));
            int to = g.stepAt(Math.max(pressX, dragX)) + 1;
            model.selectBox(from, to, g.pitchAt(Math.max(pressY, dragY)), g.pitchAt(Math.min(pressY, dragY)),
                    e.isShiftDown());
        }
        endGesture();
        e.consume();
    }

    // Gestures on the velocity lane: press on a note's column, drag up/down

    private void onLanePressed(MouseEvent e) {
        RollGeometry g = geometry();
        int step = g.stepAt(e.getX());
        Note target = null;
        for (Note n : model.getMelody().notes()) {
            if (n.startStep() <= step && step < n.endStep()) {
                target = n;
            }
        }
        if (target == null) {
            return;
        }
        gesture = Gesture.VELOCITY;
        model.beginVelocity(target);
        model.dragVelocity(velocityAt(e.getY()));
    }

    private void onLaneDragged(MouseEvent e) {
        if (gesture == Gesture.VELOCITY) {
            model.dragVelocity(velocityAt(e.getY()));
        }
    }

    private int velocityAt(double y) {
        return (int) Math.round(127 * (1 - Math.max(0, Math.min(LANE_HEIGHT, y)) / LANE_HEIGHT));
    }

    private void endGesture() {
        gesture = Gesture.NONE;
        dragX = Double.NaN;
        model.endGesture();
        redraw();
    }

    private int clampStep(int step) {
        return MelodyEdits.clamp(step, 0, model.getMelody().lengthSteps() - 1);
    }

    private void syncBarScroll() {
        int clipBars = model.barsProperty().get();
        int viewBars = Math.min(model.viewBarsProperty().get(), clipBars);
        barScroll.setMax(Math.max(0, clipBars - viewBars));
        barScroll.setVisibleAmount(viewBars);
        barScroll.setValue(model.viewStartBarProperty().get());
        barScroll.setVisible(viewBars < clipBars);
        barScroll.setManaged(viewBars < clipBars);
        redraw();
    }

    // Painting

    private void redraw() {
        if (grid.getWidth() <= KEY_WIDTH || grid.getHeight() <= 0) {
            return;
        }
        RollGeometry g = geometry();
        paintGrid(grid.getGraphicsContext2D(), g);
        paintLane(lane.getGraphicsContext2D(), g);
    }

    private void paintGrid(GraphicsContext gc, RollGeometry g) {
        Melody melody = model.getMelody();
        MusicalKey key = model.keyProperty().get();
        RollColors c = RollColors.active();
        gc.setFill(c.background());
        gc.fillRect(0, 0, grid.getWidth(), grid.getHeight());
        for (int pitch = MelodyEdits.LOWEST_PITCH; pitch <= MelodyEdits.HIGHEST_PITCH; pitch++) {
            double y = g.yOf(pitch);
            Color row = Math.floorMod(pitch - key.root(), 12) == 0 ? c.rootRow()
                    : key.contains(pitch) ? c.inKeyRow() : isBlackKey(pitch) ? c.blackRow() : c.whiteRow();
            gc.setFill(row);
            gc.fillRect(KEY_WIDTH, y, grid.getWidth() - KEY_WIDTH, g.rowHeight());
            gc.setStroke(c.rowLine());
            gc.setLineWidth(pitch % 12 == 0 ? 1.0 : 0.4);
            gc.strokeLine(KEY_WIDTH, y + g.rowHeight(), grid.getWidth(), y + g.rowHeight());
        }
        paintStepLines(gc, g, melody, grid.getHeight());
        for (Note note : melody.notes()) {
            paintNote(gc, g, note, model.getSelection());
        }
        paintKeyboard(gc, g);
        paintCursor(gc, g, grid.getHeight());
        if (gesture == Gesture.BOX && !Double.isNaN(dragX)) {
            gc.setStroke(c.boxSelect());
            gc.setLineWidth(1);
            gc.setFill(c.boxSelect().deriveColor(0, 1, 1, 0.15));
            double x = Math.min(pressX, dragX);
            double y = Math.min(pressY, dragY);
            gc.fillRect(x, y, Math.abs(dragX - pressX), Math.abs(dragY - pressY));
            gc.strokeRect(x, y, Math.abs(dragX - pressX), Math.abs(dragY - pressY));
        }
    }

    private void paintStepLines(GraphicsContext gc, RollGeometry g, Melody melody, double height) {
        int stepsPerBar = melody.grid().stepsPerBar();
        int stepsPerBeat = Math.max(1, stepsPerBar / melody.grid().beatsPerBar());
        RollColors c = RollColors.active();
        for (int step = g.firstStep(); step <= g.firstStep() + g.visibleSteps(); step++) {
            double x = g.xOf(step);
            if (step % stepsPerBar == 0) {
                gc.setStroke(c.barLine());
                gc.setLineWidth(1.4);
            } else if (step % stepsPerBeat == 0) {
                gc.setStroke(c.beatLine());
                gc.setLineWidth(0.8);
            } else {
                gc.setStroke(c.stepLine());
                gc.setLineWidth(0.5);
            }
            gc.strokeLine(x, 0, x, height);
        }
    }

    private void paintNote(GraphicsContext gc, RollGeometry g, Note note, Set<Note> selected) {
        double x = g.xOf(note.startStep());
        double w = Math.max(3, g.xOf(note.endStep()) - x - 1);
        double y = g.yOf(note.pitch());
        double alpha = 0.45 + 0.55 * note.velocity() / 127.0;
        RollColors c = RollColors.active();
        gc.setFill((selected.contains(note) ? c.selected() : c.note()).deriveColor(0, 1, 1, alpha));
        gc.fillRoundRect(x + 0.5, y + 0.5, w, g.rowHeight() - 1, 4, 4);
        gc.setStroke(selected.contains(note) ? c.selectedEdge() : c.noteEdge());
        gc.setLineWidth(1);
        gc.strokeRoundRect(x + 0.5, y + 0.5, w, g.rowHeight() - 1, 4, 4);
    }

    private void paintKeyboard(GraphicsContext gc, RollGeometry g) {
        gc.setFont(Font.font(Math.min(10, g.rowHeight() - 1)));
        RollColors c = RollColors.active();
        for (int pitch = MelodyEdits.LOWEST_PITCH; pitch <= MelodyEdits.HIGHEST_PITCH; pitch++) {
            double y = g.yOf(pitch);
            gc.setFill(isBlackKey(pitch) ? c.blackKey() : c.whiteKey());
            gc.fillRect(0, y, KEY_WIDTH, g.rowHeight());
            gc.setStroke(c.keyEdge());
            gc.setLineWidth(0.5);
            gc.strokeLine(0, y + g.rowHeight(), KEY_WIDTH, y + g.rowHeight());
            if (pitch % 12 == 0 && g.rowHeight() >= 7) {
                gc.setFill(c.keyLabel());
                gc.fillText(MusicalKey.pitchName(pitch), 3, y + g.rowHeight() - 2);
            }
        }
        gc.setStroke(c.barLine());
        gc.strokeLine(KEY_WIDTH, 0, KEY_WIDTH, grid.getHeight());
    }

    private void paintCursor(GraphicsContext gc, RollGeometry g, double height) {
        double step = cursorStep.get();
        if (step < g.firstStep() || step > g.firstStep() + g.visibleSteps()) {
            return;
        }
        double x = g.keyWidth() + (step - g.firstStep()) * g.stepWidth();
        gc.setStroke(RollColors.active().playhead());
        gc.setLineWidth(2);
        gc.strokeLine(x, 0, x, height);
    }

    private void paintLane(GraphicsContext gc, RollGeometry g) {
        RollColors c = RollColors.active();
        gc.setFill(c.laneBackground());
        gc.fillRect(0, 0, lane.getWidth(), lane.getHeight());
        gc.setFill(c.laneLabel());
        gc.setFont(Font.font(10));
        gc.fillText("Velocity", 3, LANE_HEIGHT / 2 + 4);
        gc.setStroke(c.keyEdge());
        gc.strokeLine(0, 0.5, lane.getWidth(), 0.5);
        Set<Note> selected = model.getSelection();
        for (Note note : model.getMelody().notes()) {
            double x = g.xOf(note.startStep());
            if (x < KEY_WIDTH || x > lane.getWidth()) {
                continue;
            }
            double h = (LANE_HEIGHT - 4) * note.velocity() / 127.0;
            gc.setFill(selected.contains(note) ? c.selected() : c.note());
            gc.fillRect(x + 1, LANE_HEIGHT - h, Math.max(3, Math.min(8, g.stepWidth() - 2)), h);
        }
        paintCursor(gc, g, LANE_HEIGHT);
    }

    private static boolean isBlackKey(int pitch) {
        int pc = Math.floorMod(pitch, 12);
        return pc == 1 || pc == 3 || pc == 6 || pc == 8 || pc == 10;
    }
}
