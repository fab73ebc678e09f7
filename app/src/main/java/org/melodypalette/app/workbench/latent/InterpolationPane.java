package org.melodypalette.app.workbench.latent;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.melodypalette.app.workbench.audio.TransportViewModel;
import org.melodypalette.app.workbench.clip.ClipActions;
import org.melodypalette.app.workbench.clip.ClipCard;
import org.melodypalette.app.workbench.clip.MiniRoll;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.music.Melody;

/** Slots A and B, the interpolation strip, and the drag-interpolation slider with loop play. */
public final class InterpolationPane extends VBox {

    /** Playback key of the slider's melody. */
    public static final String SLIDER_SOURCE = "slider";

    private final ClipStrip strip;
    private final Slider slider = new Slider(0, 1, 0.5);

    public InterpolationPane(InterpolationViewModel model, TransportViewModel transport, ClipActions actions) {
        setSpacing(6);
        setPadding(new Insets(6));
        ClipCard slotA = new ClipCard("Slot A", model.slotAProperty().get(), actions, 150, 64);
        ClipCard slotB = new ClipCard("Slot B", model.slotBProperty().get(), actions, 150, 64);
        slotA.setId("slotA");
        slotB.setId("slotB");
        model.slotAProperty().addListener((obs, old, now) -> slotA.setMelody(now));
        model.slotBProperty().addListener((obs, old, now) -> slotB.setMelody(now));
        slotA.noteProperty().bind(model.fittedA().noteProperty());
        slotB.noteProperty().bind(model.fittedB().noteProperty());

        Spinner<Integer> steps = new Spinner<>(InterpolationViewModel.MIN_STEPS, InterpolationViewModel.MAX_STEPS,
                model.stepsProperty().get());
        steps.setId("interpolationSteps");
        steps.setPrefWidth(70);
        steps.valueProperty().addListener((obs, old, now) -> model.stepsProperty().set(now));
        model.stepsProperty().addListener((obs, old, now) -> steps.getValueFactory().setValue(now.intValue()));
        ChoiceBox<Interpolation> mode = new ChoiceBox<>();
        mode.getItems().setAll(Interpolation.values());
        mode.valueProperty().bindBidirectional(model.modeProperty());
        Button swap = new Button("A ⇄ B");
        swap.setOnAction(e -> model.swapSlots());
        Button run = new Button("Interpolate");
        run.setId("interpolateButton");
        run.setDefaultButton(false);
        run.setOnAction(e -> model.interpolate());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(18, 18);
        busy.visibleProperty().bind(model.stripBusyProperty());
        VBox controls = new VBox(6, new HBox(6, new Label("Steps"), steps), new HBox(6, new Label("Path"), mode),
                new HBox(6, run, busy), swap);
        HBox top = new HBox(10, slotA, slotB, controls, sliderRow(model, transport, actions));
        top.setAlignment(Pos.CENTER_LEFT);

        strip = new ClipStrip(actions, i -> i == 0 ? "A" : i == model.stripProperty().get().size() - 1 ? "B" : "step " + i);
        strip.setId("interpolationStrip");
        model.stripProperty().addListener((obs, old, now) -> strip.show(now));
        StaleNote.dim(strip, model.stripMadeWith());

        strip.setMinViewportHeight(132);
        getChildren().addAll(top, new Label("Interpolation from A to B (each step: ▶ play, Edit, export, drag out)"),
                StaleNote.label(model.stripMadeWith(), "stripStale"), strip);
        Label empty = new Label("No interpolation yet: put two clips in A and B (→ A, → B above the roll),"
                + " then press Interpolate. Each step can be played, edited, exported or dragged out.");
        empty.setId("stripEmptyHint");
        empty.getStyleClass().add("hint");
        javafx.scene.layout.StackPane stripContent = new javafx.scene.layout.StackPane(strip.getContent(), empty);
        stripContent.setAlignment(Pos.CENTER_LEFT);
        strip.setContent(stripContent);
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> model.stripProperty().get().isEmpty(), model.stripProperty()));
    }

    private HBox sliderRow(InterpolationViewModel model, TransportViewModel transport, ClipActions actions) {
        slider.setId("interpolationSlider");
        slider.setMajorTickUnit(0.25);
        slider.setShowTickMarks(true);
        slider.setPrefWidth(240);
        slider.valueProperty().bindBidirectional(model.positionProperty());
        Label at = new Label();
        at.textProperty().bind(Bindings.format("A %.0f%% · B %.0f%%",
                slider.valueProperty().multiply(-100).add(100), slider.valueProperty().multiply(100)));
        MiniRoll decoded = new MiniRoll(280, 96);
        decoded.setId("sliderRoll");
        model.sliderMelodyProperty().addListener((obs, old, now) -> {
            decoded.setMelody(now);
            transport.update(SLIDER_SOURCE, now);
        });
        transport.cursorStepProperty().addListener((obs, old, now) -> decoded.setCursorStep(
                SLIDER_SOURCE.equals(transport.sourceProperty().get()) ? now.doubleValue() : -1));
        ToggleButton loopPlay = new ToggleButton("▶ Loop while dragging");
        loopPlay.setId("sliderPlay");
        loopPlay.selectedProperty().bindBidirectional(model.loopPlayProperty());
        loopPlay.setOnAction(e -> {
            if (loopPlay.isSelected()) {
                model.decodeSliderPosition();
                transport.play(SLIDER_SOURCE, model.sliderMelodyProperty().get());
            } else if (SLIDER_SOURCE.equals(transport.sourceProperty().get())) {
                transport.stop();
            }
        });
        transport.sourceProperty().addListener((obs, old, now) -> {
            if (!SLIDER_SOURCE.equals(now)) {
                loopPlay.setSelected(false);
            }
        });
        Button take = new Button("Edit");
        take.setTooltip(new Tooltip("Send the melody at the slider to the editor"));
        take.setOnAction(e -> actions.sendToEditor(model.sliderMelodyProperty().get()));
        Button export = new Button("⤓");
        export.setTooltip(new Tooltip("Export the melody at the slider as MIDI"));
        export.setOnAction(e -> actions.export(model.sliderMelodyProperty().get(), this));
        Button toLane = new Button("+ Lane");
        toLane.setId("sliderToLane");
        toLane.setTooltip(new Tooltip("Add the melody at the slider to the end of the arrangement lane"));
        toLane.setOnAction(e -> actions.sendToLane(model.sliderMelodyProperty().get()));
        actions.installDragOut(decoded, () -> model.sliderMelodyProperty().get());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.sliderBusyProperty());
        Label latency = new Label();
        latency.setId("sliderLatency");
        latency.textProperty().bind(model.latency().summaryProperty());
        latency.getStyleClass().add("hint");
        VBox left = new VBox(4, new Label("Drag to interpolate A → B"), slider, at, new HBox(6, loopPlay, take, export, toLane, busy),
                latency);
        HBox row = new HBox(10, left, decoded);
        row.setPadding(new Insets(0, 0, 0, 16));
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(left, Priority.NEVER);
        return row;
    }

    public Slider slider() {
        return slider;
    }

    public ClipStrip strip() {
        return strip;
    }

    /** Melodies shown in the strip, in order (for tests and screenshots). */
    public java.util.List<Melody> stripMelodies() {
        return strip.cards().stream().map(ClipCard::melody).toList();
    }
}
