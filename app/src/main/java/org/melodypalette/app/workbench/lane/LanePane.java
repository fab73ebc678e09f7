package org.melodypalette.app.workbench.lane;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.DragEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Line;
import org.melodypalette.app.workbench.audio.TransportViewModel;
import org.melodypalette.app.workbench.clip.ClipActions;
import org.melodypalette.app.workbench.clip.MiniRoll;
import org.melodypalette.music.Melody;

/**
 * The arrangement lane under the editor: a toolbar (play the lane or the selection, repeat,
 * remove, undo, redo, export) over a timeline of bars. Each clip is a block as wide as its bars;
 * click selects (Shift extends), dragging a block sideways reorders, a double-click opens it in the
 * editor, and a .mid file dropped on the lane is added where it lands. A red line is the playhead.
 * An empty lane shows only its toolbar.
 */
public final class LanePane extends VBox {

    /** Pixels per bar on the timeline. */
    public static final double BAR_WIDTH = 56;
    private static final double BLOCK_HEIGHT = 46;
    private static final double DRAG_THRESHOLD = 4;
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    private final LaneViewModel lane;
    private final ClipActions actions;
    private final Pane track = new Pane();
    private final Line playhead = new Line();

    /**
     * @param dropFile adds a dropped MIDI file before the clip at the given index
     */
    public LanePane(LaneViewModel lane, TransportViewModel transport, ClipActions actions,
                    BiConsumer<Path, Integer> dropFile) {
        this.lane = lane;
        this.actions = actions;
        setId("lanePane");
        getStyleClass().add("lane-pane");
        track.setId("laneTrack");
        track.getStyleClass().add("lane-track");
        track.setMinHeight(BLOCK_HEIGHT + 22);
        track.setPrefHeight(BLOCK_HEIGHT + 22);
        playhead.setId("lanePlayhead");
        playhead.getStyleClass().add("lane-playhead");
        playhead.setStartY(0);
        playhead.setEndY(BLOCK_HEIGHT + 20);
        playhead.setMouseTransparent(true);
        ScrollPane scroll = new ScrollPane(track);
        scroll.setFitToHeight(true);
        scroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefViewportHeight(BLOCK_HEIGHT + 22);
        // The timeline's background reaches the right edge even when the lane is short.
        track.minWidthProperty().bind(scroll.widthProperty().subtract(4));
        // An empty lane is one row (the toolbar, which says how to fill it), so the roll keeps its room.
        scroll.visibleProperty().bind(Bindings.createBooleanBinding(() -> !lane.getArrangement().isEmpty(),
                lane.arrangementProperty()));
        scroll.managedProperty().bind(scroll.visibleProperty());
        installDropTarget(this, dropFile);
        getChildren().addAll(toolbar(transport), scroll);
        lane.arrangementProperty().addListener((obs, old, now) -> rebuild());
        lane.selectionProperty().addListener((obs, old, now) -> showSelection());
        lane.playheadBarProperty().addListener((obs, old, now) -> movePlayhead(now.doubleValue()));
        rebuild();
        movePlayhead(-1);
    }

    /** The block of clip {@code index} (for tests and screenshots). */
    public StackPane block(int index) {
        return (StackPane) track.lookup("#laneClip" + index);
    }

    private ToolBar toolbar(TransportViewModel transport) {
        Button playAll = button("▶ Lane", "lanePlayAll", "Play / stop the whole lane (loops when Loop is on)",
                lane::togglePlayAll);
        playAll.textProperty().bind(Bindings.when(transport.playingProperty()
                .and(Bindings.equal(transport.sourceProperty(), LaneViewModel.LANE_SOURCE)))
                .then("■ Stop").otherwise("▶ Lane"));
        Button playSelection = button("▶ Selection", "lanePlaySelection", "Play / stop the selected clips in a loop",
                lane::togglePlaySelection);
        Button repeat = button("Repeat", "laneRepeat", "Repeat the selected clips right after themselves",
                lane::repeatSelection);
        Button remove = button("Remove", "laneRemove", "Remove the selected clips", lane::removeSelection);
        Button undo = button("↶", "laneUndo", "Undo the last lane edit", lane::undo);
        undo.disableProperty().bind(lane.canUndoProperty().not());
        Button redo = button("↷", "laneRedo", "Redo", lane::redo);
        redo.disableProperty().bind(lane.canRedoProperty().not());
        Button export = button("⤓ Export lane…", "laneExport",
                "Export the whole lane as one MIDI file, or as WAV audio when you choose a .wav name",
                () -> actions.export(lane.whole(), this));
        Label length = new Label();
        length.setId("laneLength");
        length.textProperty().bind(Bindings.createStringBinding(() -> describe(lane.getArrangement()),
                lane.arrangementProperty()));
        Label title = new Label("Lane");
        title.getStyleClass().add("lane-title");
        ToolBar bar = new ToolBar(title, playAll, playSelection, new Separator(), repeat, remove, undo, redo,
                new Separator(), export, new Separator(), length);
        bar.setPadding(new Insets(2, 6, 2, 6));
        return bar;
    }

    private void rebuild() {
        Arrangement arrangement = lane.getArrangement();
        track.getChildren().clear();
        for (int bar = 0; bar <= Math.max(8, arrangement.bars()); bar++) {
            Label number = new Label(Integer.toString(bar + 1));
            number.getStyleClass().add("lane-bar-number");
            number.setLayoutX(bar * BAR_WIDTH + 2);
            number.setLayoutY(0);
            number.setMouseTransparent(true);
            track.getChildren().add(number);
        }
        for (int i = 0; i < arrangement.size(); i++) {
            track.getChildren().add(block(arrangement, i));
        }
        track.setPrefWidth((Math.max(8, arrangement.bars()) + 1) * BAR_WIDTH);
        track.getChildren().add(playhead);
        showSelection();
    }

    private StackPane block(Arrangement arrangement, int index) {
        Melody clip = arrangement.clips().get(index);
        double width = Arrangement.barsOf(clip) * BAR_WIDTH;
        MiniRoll roll = new MiniRoll(width - 6, BLOCK_HEIGHT - 6);
        roll.setMelody(clip);
        roll.setMouseTransparent(true);
        StackPane block = new StackPane(roll);
        block.setId("laneClip" + index);
        block.getStyleClass().add("lane-clip");
        block.setAlignment(Pos.CENTER);
        block.setPrefSize(width - 2, BLOCK_HEIGHT);
        block.resize(width - 2, BLOCK_HEIGHT);
        block.setLayoutX(arrangement.startBar(index) * BAR_WIDTH + 1);
        block.setLayoutY(18);
        Tooltip.install(block, new Tooltip("Bars " + (arrangement.startBar(index) + 1) + "–"
                + (arrangement.startBar(index) + Arrangement.barsOf(clip)) + " · " + clip.notes().size()
                + " notes. Drag to move, double-click to edit"));
        installReorder(block, index);
        return block;
    }

    /** Press selects; a sideways drag shows the block following the mouse; the release moves the clip. */
    private void installReorder(StackPane block, int index) {
        double[] pressX = new double[1];
        boolean[] dragging = new boolean[1];
        block.setOnMousePressed(e -> {
            if (e.getButton() != MouseButton.PRIMARY) {
                return;
            }
            pressX[0] = e.getSceneX();
            dragging[0] = false;
            lane.select(index, e.isShiftDown());
            e.consume();
        });
        block.setOnMouseDragged(e -> {
            double dx = e.getSceneX() - pressX[0];
            if (Math.abs(dx) > DRAG_THRESHOLD) {
                dragging[0] = true;
                block.setTranslateX(dx);
                block.toFront();
            }
            e.consume();
        });
        block.setOnMouseReleased(e -> {
            if (dragging[0]) {
                double bar = track.sceneToLocal(e.getSceneX(), e.getSceneY()).getX() / BAR_WIDTH;
                block.setTranslateX(0);
                int target = lane.getArrangement().insertionIndexAt(bar);
                lane.move(index, target > index ? target - 1 : target);
            }
            e.consume();
        });
        block.setOnMouseClicked((MouseEvent e) -> {
            if (e.getClickCount() == 2 && !dragging[0]) {
                actions.sendToEditor(lane.getArrangement().clips().get(index));
            }
        });
    }

    private void installDropTarget(javafx.scene.Node target, BiConsumer<Path, Integer> dropFile) {
        target.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (midiFile(e) != null) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        target.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            Path file = midiFile(e);
            e.setDropCompleted(file != null);
            e.consume();
            if (file != null) {
                double bar = track.sceneToLocal(e.getSceneX(), e.getSceneY()).getX() / BAR_WIDTH;
                int index = lane.getArrangement().insertionIndexAt(bar);
                javafx.application.Platform.runLater(() -> dropFile.accept(file, index));
            }
        });
    }

    private static Path midiFile(DragEvent e) {
        if (!e.getDragboard().hasFiles()) {
            return null;
        }
        return e.getDragboard().getFiles().stream().map(File::toPath).filter(p -> {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".mid") || name.endsWith(".midi");
        }).findFirst().orElse(null);
    }

    private void showSelection() {
        LaneViewModel.Selection selection = lane.selectionProperty().get();
        for (int i = 0; i < lane.getArrangement().size(); i++) {
            StackPane block = block(i);
            if (block != null) {
                block.pseudoClassStateChanged(SELECTED, selection != null && selection.contains(i));
            }
        }
    }

    private void movePlayhead(double bar) {
        playhead.setVisible(bar >= 0);
        double x = Math.max(0, bar) * BAR_WIDTH;
        playhead.setStartX(x);
        playhead.setEndX(x);
    }

    /** "8 bars · 3 clips", "empty". */
    static String describe(Arrangement arrangement) {
        if (arrangement.isEmpty()) {
            return "empty: add clips with + (editor, strip, palette, samples) or drop a .mid here";
        }
        int bars = arrangement.bars();
        int clips = arrangement.size();
        return bars + (bars == 1 ? " bar · " : " bars · ") + clips + (clips == 1 ? " clip" : " clips");
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        b.setOnAction(e -> action.run());
        return b;
    }
}
