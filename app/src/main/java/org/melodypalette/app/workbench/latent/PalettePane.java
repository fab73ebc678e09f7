package org.melodypalette.app.workbench.latent;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.melodypalette.app.workbench.audio.TransportViewModel;
import org.melodypalette.app.workbench.clip.ClipActions;
import org.melodypalette.app.workbench.clip.ClipCard;
import org.melodypalette.app.workbench.clip.MiniRoll;
import org.melodypalette.music.Melody;

/** The 2-D palette: four corners, the grid of blends, and a point to click or drag. */
public final class PalettePane extends HBox {

    /** Playback key of the palette point's melody. */
    public static final String POINT_SOURCE = "palette";

    private static final double AREA = 300;

    private final GridPane blends = new GridPane();
    private final Canvas marker = new Canvas(AREA, AREA);
    private final Canvas pathCanvas = new Canvas(AREA, AREA);
    private final StackPane area = new StackPane(blends, pathCanvas, marker);
    private final ToggleButton pathMode = new ToggleButton("✎ Draw path");
    private final List<PalettePath.Point> drawing = new ArrayList<>();

    public PalettePane(PaletteViewModel model, InterpolationViewModel slots, TransportViewModel transport,
                       ClipActions actions, java.util.function.Supplier<Melody> editorClip,
                       java.util.function.Consumer<List<Melody>> fillLane) {
        setSpacing(12);
        setPadding(new Insets(6));
        area.setId("paletteArea");
        area.setPrefSize(AREA, AREA);
        area.setMaxSize(AREA, AREA);
        area.setMinSize(AREA, AREA);
        area.setStyle("-fx-border-color: #a1a1aa;");
        blends.setMouseTransparent(true);
        marker.setMouseTransparent(true);
        pathCanvas.setMouseTransparent(true);
        area.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (pathMode.isSelected()) {
                drawing.clear();
                drawing.add(PalettePath.Point.snapped(e.getX() / AREA, e.getY() / AREA));
                drawPath(drawing);
            } else {
                model.pick(e.getX() / AREA, e.getY() / AREA);
            }
        });
        area.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (pathMode.isSelected()) {
                drawing.add(PalettePath.Point.snapped(e.getX() / AREA, e.getY() / AREA));
                drawPath(drawing);
            } else {
                model.pick(e.getX() / AREA, e.getY() / AREA);
            }
        });
        area.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (pathMode.isSelected() && !drawing.isEmpty()) {
                drawing.add(PalettePath.Point.snapped(e.getX() / AREA, e.getY() / AREA));
                model.setPath(new PalettePath(drawing));
            }
        });
        model.pathProperty().addListener((obs, old, now) -> drawPath(now == null ? List.of() : now.points()));
        model.gridProperty().addListener((obs, old, now) -> showGrid(now, model.gridSizeProperty().get()));
        model.pointProperty().addListener((obs, old, now) -> drawMarker(now));
        drawMarker(model.pointProperty().get());

        StaleNote.dim(area, model.gridMadeWith());
        VBox areaColumn = new VBox(4, area, StaleNote.label(model.gridMadeWith(), "paletteStale"));
        areaColumn.setMaxWidth(AREA);
        VBox pointColumn = pointColumn(model, transport, actions);
        pointColumn.getChildren().addAll(new javafx.scene.control.Separator(), new Label("Path across the palette"),
                pathControls(model, fillLane));
        getChildren().addAll(cornerColumn(model, slots, actions, editorClip), areaColumn, pointColumn);
    }

    private VBox cornerColumn(PaletteViewModel model, InterpolationViewModel slots, ClipActions actions,
                              java.util.function.Supplier<Melody> editorClip) {
        VBox column = new VBox(4);
        List<ClipCard> cards = new ArrayList<>();
        for (int i = 0; i < PaletteViewModel.CORNERS; i++) {
            int index = i;
            ClipCard card = new ClipCard(PaletteViewModel.CORNER_NAMES.get(i), model.cornersProperty().get().get(i), actions, 120, 40);
            Button fromEditor = new Button("← clip");
            fromEditor.setTooltip(new Tooltip("Use the editor's clip for this corner"));
            fromEditor.setOnAction(e -> model.setCorner(index, editorClip.get()));
            card.getChildren().add(fromEditor);
            cards.add(card);
        }
        model.cornersProperty().addListener((obs, old, now) -> {
            for (int i = 0; i < PaletteViewModel.CORNERS; i++) {
                cards.get(i).setMelody(now.get(i));
            }
        });
        GridPane corners = new GridPane();
        corners.setHgap(4);
        corners.setVgap(4);
        corners.add(cards.get(0), 0, 0);
        corners.add(cards.get(1), 1, 0);
        corners.add(cards.get(2), 0, 1);
        corners.add(cards.get(3), 1, 1);
        Spinner<Integer> size = new Spinner<>(2, 9, model.gridSizeProperty().get());
        size.setPrefWidth(64);
        size.valueProperty().addListener((obs, old, now) -> model.gridSizeProperty().set(now));
        Button fill = new Button("Fill with samples");
        fill.setId("paletteFill");
        fill.setTooltip(new Tooltip("Sample melodies for the empty corners, then blend"));
        fill.setOnAction(e -> model.fillEmptyCornersWithSamples());
        Button blend = new Button("Blend");
        blend.setId("paletteBlend");
        blend.setOnAction(e -> model.blend());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.gridBusyProperty());
        Button fromSlots = new Button("A, B → top corners");
        fromSlots.setTooltip(new Tooltip("Use interpolation slots A and B as the top-left and top-right corners"));
        fromSlots.setOnAction(e -> {
            if (slots.slotAProperty().get() != null) {
                model.setCorner(0, slots.slotAProperty().get());
            }
            if (slots.slotBProperty().get() != null) {
                model.setCorner(1, slots.slotBProperty().get());
            }
        });
        column.getChildren().addAll(corners, fromSlots, new HBox(6, new Label("Grid"), size, fill, blend, busy));
        return column;
    }

    private VBox pointColumn(PaletteViewModel model, TransportViewModel transport, ClipActions actions) {
        MiniRoll picked = new MiniRoll(240, 90);
        picked.setId("paletteRoll");
        actions.installDragOut(picked, () -> model.pointMelodyProperty().get());
        ToggleButton play = new ToggleButton("▶ Loop");
        play.setOnAction(e -> {
            if (play.isSelected()) {
                transport.play(POINT_SOURCE, model.pointMelodyProperty().get());
            } else if (POINT_SOURCE.equals(transport.sourceProperty().get())) {
                transport.stop();
            }
        });
        transport.sourceProperty().addListener((obs, old, now) -> {
            if (!POINT_SOURCE.equals(now)) {
                play.setSelected(false);
            }
        });
        model.pointMelodyProperty().addListener((obs, old, now) -> {
            picked.setMelody(now);
            if (now != null && play.isSelected() && !POINT_SOURCE.equals(transport.sourceProperty().get())) {
                transport.play(POINT_SOURCE, now);
            }
            transport.update(POINT_SOURCE, now);
        });
        transport.cursorStepProperty().addListener((obs, old, now) -> picked.setCursorStep(
                POINT_SOURCE.equals(transport.sourceProperty().get()) ? now.doubleValue() : -1));
        Button take = new Button("Edit");
        take.setId("paletteTake");
        take.setTooltip(new Tooltip("Send the picked melody to the editor"));
        take.setOnAction(e -> actions.sendToEditor(model.pointMelodyProperty().get()));
        Button toA = new Button("A");
        toA.setOnAction(e -> actions.sendToSlotA(model.pointMelodyProperty().get()));
        Button toB = new Button("B");
        toB.setOnAction(e -> actions.sendToSlotB(model.pointMelodyProperty().get()));
        Button toLane = new Button("+ Lane");
        toLane.setId("paletteToLane");
        toLane.setTooltip(new Tooltip("Add the picked melody to the end of the arrangement lane"));
        toLane.setOnAction(e -> actions.sendToLane(model.pointMelodyProperty().get()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.pointBusyProperty());
        Label hint = new Label("Click or drag on the palette to hear the blend at that point.");
        hint.setWrapText(true);
        hint.setMaxWidth(240);
        hint.getStyleClass().add("hint");
        VBox column = new VBox(6, new Label("Picked melody"), picked, new HBox(6, play, take, toA, toB, toLane, busy), hint);
        column.setAlignment(Pos.TOP_LEFT);
        return column;
    }

    /** Draw-path toggle, loops, bars per loop, smoothing and "Path → lane". */
    private VBox pathControls(PaletteViewModel model, java.util.function.Consumer<List<Melody>> fillLane) {
        pathMode.setId("palettePathMode");
        pathMode.setTooltip(new Tooltip("On: dragging on the palette draws a path (from near a corner starts at it)"));
        Spinner<Integer> loops = spinner("pathLoops", 1, 64, model.pathLoopsProperty());
        Spinner<Integer> bars = spinner("pathBars", 1, 16, model.pathBarsPerLoopProperty());
        Spinner<Integer> smoothing = spinner("pathSmoothing", 0, 4, model.pathSmoothingProperty());
        Button toLane = new Button("Path → lane");
        toLane.setId("pathToLane");
        toLane.setTooltip(new Tooltip("Decode the path at evenly spaced points and fill the lane with the loops"
                + " (Undo in the lane brings the old lane back)"));
        toLane.setOnAction(e -> model.pathToLane(fillLane));
        HBox first = new HBox(6, pathMode, toLane);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox second = new HBox(4, new Label("Loops"), loops, new Label("Bars/loop"), bars, new Label("Smooth"), smoothing);
        second.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, first, second);
    }

    private static Spinner<Integer> spinner(String id, int min, int max, javafx.beans.property.IntegerProperty value) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value.get());
        spinner.setId(id);
        spinner.setEditable(true);
        spinner.setPrefWidth(62);
        spinner.valueProperty().addListener((obs, old, now) -> value.set(now));
        value.addListener((obs, old, now) -> spinner.getValueFactory().setValue(now.intValue()));
        return spinner;
    }

    private void drawPath(List<PalettePath.Point> points) {
        GraphicsContext gc = pathCanvas.getGraphicsContext2D();
        gc.clearRect(0, 0, AREA, AREA);
        if (points.isEmpty()) {
            return;
        }
        gc.setStroke(Color.web("#38bdf8", 0.95));
        gc.setLineWidth(3);
        gc.beginPath();
        gc.moveTo(points.get(0).u() * AREA, points.get(0).v() * AREA);
        for (PalettePath.Point p : points) {
            gc.lineTo(p.u() * AREA, p.v() * AREA);
        }
        gc.stroke();
        PalettePath.Point start = points.get(0);
        gc.setFill(Color.web("#38bdf8"));
        gc.fillOval(start.u() * AREA - 5, start.v() * AREA - 5, 10, 10);
    }

    private void showGrid(List<Melody> melodies, int n) {
        blends.getChildren().clear();
        if (melodies.size() != n * n) {
            return;
        }
        double cell = AREA / n;
        for (int row = 0; row < n; row++) {
            for (int col = 0; col < n; col++) {
                MiniRoll roll = new MiniRoll(cell, cell);
                roll.setMelody(melodies.get(row * n + col));
                blends.add(roll, col, row);
            }
        }
    }

    private void drawMarker(double[] uv) {
        GraphicsContext gc = marker.getGraphicsContext2D();
        gc.clearRect(0, 0, AREA, AREA);
        double x = uv[0] * AREA;
        double y = uv[1] * AREA;
        gc.setFill(Color.web("#f59e0b", 0.85));
        gc.fillOval(x - 8, y - 8, 16, 16);
        gc.setStroke(Color.web("#78350f"));
        gc.setLineWidth(2);
        gc.strokeOval(x - 8, y - 8, 16, 16);
    }
}
