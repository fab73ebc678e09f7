package org.melodypalette.app.workbench.editor;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.melodypalette.app.workbench.audio.TransportViewModel;
import org.melodypalette.app.workbench.clip.ClipActions;
import org.melodypalette.app.workbench.clip.LenientNumbers;

/** The editor area: a toolbar (tools, length, view, zoom, key, transport, hand-off) over the piano roll. */
public final class EditorPane extends BorderPane {

    public static final String EDITOR_SOURCE = "editor";

    private final PianoRollView roll;
    private ToolBar transportBar;

    public EditorPane(EditorViewModel editor, TransportViewModel transport, ClipActions actions) {
        roll = new PianoRollView(editor);
        setCenter(new javafx.scene.layout.StackPane(roll, emptyHint(editor)));
        setTop(toolbar(editor, transport, actions));
        transport.cursorStepProperty().addListener((obs, old, now) ->
                roll.cursorStepProperty().set(EDITOR_SOURCE.equals(transport.sourceProperty().get())
                        ? now.doubleValue() : -1));
        editor.melodyProperty().addListener((obs, old, now) -> transport.update(EDITOR_SOURCE, now));
    }

    /** Text over an empty roll saying the three ways to get notes; clicks pass through to the roll. */
    private static Label emptyHint(EditorViewModel editor) {
        Label hint = new Label("Empty clip — three ways to start:\n"
                + "✎  draw notes with the mouse (Draw tool, key B)\n"
                + "⤓  import a MIDI file: Ctrl+I, or drop it on the window\n"
                + "✦  Generate tab ▸ Sample, then Edit on a result");
        hint.setId("emptyRollHint");
        hint.getStyleClass().add("empty-hint");
        hint.setMouseTransparent(true);
        hint.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> editor.getMelody().isSilent(), editor.melodyProperty()));
        return hint;
    }

    /** Adds controls (e.g. Record) after the play button's group. */
    public void addTransportControls(javafx.scene.Node... controls) {
        int at = transportBar.getItems().indexOf(transportBar.getItems().stream()
                .filter(n -> n instanceof Separator).findFirst().orElse(null));
        transportBar.getItems().addAll(at < 0 ? transportBar.getItems().size() : at, List.of(controls));
    }

    public PianoRollView roll() {
        return roll;
    }

    private VBox toolbar(EditorViewModel editor, TransportViewModel transport, ClipActions actions) {
        ToggleGroup tools = new ToggleGroup();
        ToggleButton select = toolButton("Select", "Select, move, resize (S)", Tool.SELECT, tools, editor);
        ToggleButton draw = toolButton("Draw", "Draw notes: click-drag sets the length (B)", Tool.DRAW, tools, editor);
        ToggleButton erase = toolButton("Erase", "Erase notes (E); right-click also erases", Tool.ERASE, tools, editor);
        editor.toolProperty().addListener((obs, old, now) -> tools.getToggles().forEach(
                t -> t.setSelected(t.getUserData() == now)));

        ComboBox<Integer> bars = new ComboBox<>();
        bars.getItems().setAll(EditorViewModel.BAR_CHOICES);
        bars.setId("barsChoice");
        bars.setValue(editor.barsProperty().get());
        bars.setTooltip(new Tooltip("Clip length in bars"));
        // True while the box follows the clip: its own action events then are not the user's choice
        // (replacing its items selects another length for a moment, which would cut the clip).
        boolean[] following = {false};
        bars.setOnAction(e -> {
            if (!following[0] && bars.getValue() != null) {
                editor.setBars(bars.getValue());
            }
        });
        // A clip of another length (an import in 2/4 or 3/4, a continued clip) is listed too, so the box never
        // goes blank.
        Runnable showBars = () -> {
            int now = editor.barsProperty().get();
            following[0] = true;
            try {
                if (!bars.getItems().contains(now)) {
                    bars.getItems().setAll(java.util.stream.Stream.concat(EditorViewModel.BAR_CHOICES.stream(),
                            java.util.stream.Stream.of(now)).sorted().toList());
                }
                bars.setValue(now);
            } finally {
                following[0] = false;
            }
        };
        editor.barsProperty().addListener(o -> showBars.run());
        showBars.run();

        ComboBox<Integer> view = new ComboBox<>();
        view.setId("viewChoice");
        view.setTooltip(new Tooltip("Bars visible at once"));
        Runnable refreshViews = () -> {
            view.getItems().setAll(EditorViewModel.VIEW_CHOICES.stream()
                    .filter(v -> v <= editor.barsProperty().get()).toList());
            view.setValue(editor.viewBarsProperty().get());
        };
        refreshViews.run();
        editor.barsProperty().addListener(o -> refreshViews.run());
        editor.viewBarsProperty().addListener((obs, old, now) -> view.setValue(now.intValue()));
        view.setOnAction(e -> {
            if (view.getValue() != null) {
                editor.viewBarsProperty().set(view.getValue());
                if (editor.viewStartBarProperty().get() + view.getValue() > editor.barsProperty().get()) {
                    editor.viewStartBarProperty().set(editor.barsProperty().get() - view.getValue());
                }
            }
        });

        Slider zoom = new Slider(6, 24, roll.rowHeightProperty().get());
        zoom.setPrefWidth(80);
        zoom.setTooltip(new Tooltip("Vertical zoom"));
        zoom.valueProperty().bindBidirectional(roll.rowHeightProperty());

        ComboBox<String> root = new ComboBox<>();
        for (int pc = 0; pc < 12; pc++) {
            root.getItems().add(MusicalKey.pitchClassName(pc));
        }
        ComboBox<Scale> scale = new ComboBox<>();
        scale.getItems().setAll(Scale.values());
        root.setId("keyRoot");
        scale.setId("keyScale");
        Runnable showKey = () -> {
            root.getSelectionModel().select(editor.keyProperty().get().root());
            scale.setValue(editor.keyProperty().get().scale());
        };
        showKey.run();
        editor.keyProperty().addListener(o -> showKey.run());
        root.setOnAction(e -> editor.keyProperty().set(
                new MusicalKey(Math.max(0, root.getSelectionModel().getSelectedIndex()), editor.keyProperty().get().scale())));
        scale.setOnAction(e -> {
            if (scale.getValue() != null) {
                editor.keyProperty().set(new MusicalKey(editor.keyProperty().get().root(), scale.getValue()));
            }
        });
        CheckBox snap = new CheckBox("Snap to scale");
        snap.selectedProperty().bindBidirectional(editor.snapToScaleProperty());
        Button fit = new Button("Fit to key");
        fit.setTooltip(new Tooltip("Move the selected notes (or all) to the nearest pitch in the key"));
        fit.setOnAction(e -> editor.snapSelectionToKey());

        Button play = new Button();
        play.setId("playButton");
        play.textProperty().bind(Bindings.when(transport.playingProperty()
                .and(Bindings.equal(transport.sourceProperty(), EDITOR_SOURCE))).then("■ Stop").otherwise("▶ Play"));
        play.setTooltip(new Tooltip("Play / stop the clip (Space)"));
        play.setOnAction(e -> transport.toggle(EDITOR_SOURCE, editor.getMelody()));
        CheckBox loop = new CheckBox("Loop");
        loop.selectedProperty().bindBidirectional(transport.loopProperty());
        Spinner<Double> tempo = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(
                TransportViewModel.MIN_TEMPO, TransportViewModel.MAX_TEMPO, transport.tempoProperty().get(), 1));
        tempo.setId("tempo");
        tempo.setEditable(true);
        LenientNumbers.apply(tempo, "%.0f");
        tempo.setPrefWidth(78);
        tempo.getValueFactory().valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                transport.tempoProperty().set(now);
            }
        });
        transport.tempoProperty().addListener((obs, old, now) -> tempo.getValueFactory().setValue(now.doubleValue()));

        Button toA = new Button("→ A");
        toA.setId("toSlotA");
        toA.setTooltip(new Tooltip("Put this clip in interpolation slot A"));
        toA.setOnAction(e -> actions.sendToSlotA(editor.getMelody()));
        Button toB = new Button("→ B");
        toB.setId("toSlotB");
        toB.setTooltip(new Tooltip("Put this clip in interpolation slot B"));
        toB.setOnAction(e -> actions.sendToSlotB(editor.getMelody()));
        Button toLane = new Button("+ Lane");
        toLane.setId("toLane");
        toLane.setTooltip(new Tooltip("Add this clip to the end of the arrangement lane below"));
        toLane.setOnAction(e -> actions.sendToLane(editor.getMelody()));
        Label drag = new Label("⇲ .mid");
        drag.setId("dragOutHandle");
        drag.getStyleClass().add("drag-handle");
        drag.setTooltip(new Tooltip("Drag this onto a DAW or the desktop to drop the clip as a MIDI file"));
        actions.installDragOut(drag, editor::getMelody);

        HBox toolBox = new HBox(0, select, draw, erase);
        toolBox.setAlignment(Pos.CENTER_LEFT);
        ToolBar editing = new ToolBar(toolBox, new Separator(),
                new Label("Bars"), bars, new Label("View"), view, new Label("Zoom"), zoom, new Separator(),
                new Label("Key"), root, scale, snap, fit);
        ToolBar handOff = new ToolBar(play, loop, new Label("Tempo"), tempo, new Separator(), toA, toB, toLane,
                new Separator(), drag);
        transportBar = handOff;
        editing.setPadding(new Insets(3, 6, 3, 6));
        handOff.setPadding(new Insets(3, 6, 3, 6));
        return new VBox(editing, handOff);
    }

    private static ToggleButton toolButton(String text, String tip, Tool tool, ToggleGroup group,
                                           EditorViewModel editor) {
        ToggleButton button = new ToggleButton(text);
        button.setId("tool" + text);
        button.setUserData(tool);
        button.setToggleGroup(group);
        button.setTooltip(new Tooltip(tip));
        button.setSelected(editor.toolProperty().get() == tool);
        button.setFocusTraversable(false);
        button.setOnAction(e -> {
            editor.toolProperty().set(tool);
            button.setSelected(true);
        });
        return button;
    }
}
