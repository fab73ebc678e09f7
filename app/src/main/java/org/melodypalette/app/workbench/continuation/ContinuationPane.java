package org.melodypalette.app.workbench.continuation;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.melodypalette.app.workbench.clip.ClipActions;
import org.melodypalette.app.workbench.clip.ClipCard;
import org.melodypalette.app.workbench.clip.LenientNumbers;
import org.melodypalette.app.workbench.model.ContinuationSession;

/**
 * The Continue tab: how many bars to add, how many candidates and how they are sampled; the
 * continuation model in use (or the sentence saying there is none); the candidates as cards, each
 * with "Take into clip" beside the usual play, edit, slot, lane and export actions.
 */
public final class ContinuationPane extends VBox {

    private final HBox row = new HBox(6);

    public ContinuationPane(ContinuationViewModel model, ClipActions actions) {
        setSpacing(6);
        setPadding(new Insets(6));
        ToggleGroup lengths = new ToggleGroup();
        HBox barChoices = new HBox();
        List<Integer> choices = ContinuationViewModel.BAR_CHOICES;
        for (int bars : choices) {
            ToggleButton choice = new ToggleButton(String.valueOf(bars));
            // AtlantaFX's pills join the buttons into one segmented control.
            choice.getStyleClass().add(bars == choices.get(0) ? Styles.LEFT_PILL
                    : bars == choices.get(choices.size() - 1) ? Styles.RIGHT_PILL : Styles.CENTER_PILL);
            choice.setId("continueBars" + bars);
            choice.setToggleGroup(lengths);
            choice.setUserData(bars);
            choice.setSelected(bars == model.barsProperty().get());
            choice.setFocusTraversable(false);
            barChoices.getChildren().add(choice);
        }
        lengths.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one length is always chosen
            } else {
                model.barsProperty().set((Integer) now.getUserData());
            }
        });
        Spinner<Integer> count = new Spinner<>(1, ContinuationViewModel.MAX_CANDIDATES, model.countProperty().get());
        count.setId("continueCount");
        count.setPrefWidth(64);
        count.valueProperty().addListener((obs, old, now) -> model.countProperty().set(now));
        Slider temperature = slider(0, 2, model.temperatureProperty().get());
        temperature.valueProperty().bindBidirectional(model.temperatureProperty());
        temperature.setTooltip(new Tooltip("0 always takes the model's likeliest next step; higher is more adventurous"));
        Slider topP = slider(0.05, 1, model.topPProperty().get());
        topP.valueProperty().bindBidirectional(model.topPProperty());
        topP.setTooltip(new Tooltip("Draw only among the likeliest next steps that together reach this probability"));
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, (int) model.seedProperty().get());
        seed.setId("continueSeed");
        seed.setEditable(true);
        seed.setPrefWidth(96);
        LenientNumbers.applyInteger(seed);
        seed.setTooltip(new Tooltip("The same seed and settings give the same candidates; each Continue moves it on"));
        seed.valueProperty().addListener((obs, old, now) -> model.seedProperty().set(now));
        model.seedProperty().addListener((obs, old, now) -> seed.getValueFactory().setValue(now.intValue()));
        Button go = new Button("Continue");
        go.setId("continueButton");
        go.getStyleClass().add(Styles.ACCENT);
        go.setTooltip(new Tooltip("Write the next bars of the editor's clip, several candidates at once"));
        go.setOnAction(e -> model.continueClip());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.busyProperty());
        HBox settings = new HBox(8, new Label("Continue the clip by"), barChoices, new Label("bars"),
                new Label("Candidates"), count, new Label("Temperature"), temperature, new Label("Top-p"), topP,
                new Label("Seed"), seed, go, busy);
        settings.setAlignment(Pos.CENTER_LEFT);

        Label modelLine = new Label();
        modelLine.setId("continuationModel");
        modelLine.textProperty().bind(model.session().descriptionProperty());
        modelLine.getStyleClass().add("hint");
        Button open = new Button("Open continuation model…");
        open.setId("openContinuationModel");
        open.setOnAction(e -> chooseModel(model.session()));
        Label keyNote = new Label();
        keyNote.setId("continueKeyNote");
        keyNote.textProperty().bind(model.keyNote());
        keyNote.getStyleClass().add("hint");
        HBox modelRow = new HBox(8, new Label("Model:"), modelLine, open);
        modelRow.setAlignment(Pos.CENTER_LEFT);

        row.setId("continueResults");
        row.setPadding(new Insets(4));
        ScrollPane results = new ScrollPane(row);
        results.setFitToHeight(true);
        results.setPrefViewportHeight(150);
        results.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        model.candidatesProperty().addListener((obs, old, now) -> show(now, model, actions));
        getChildren().addAll(settings, modelRow, keyNote, results);
    }

    /** The candidate cards in order. */
    public List<ClipCard> cards() {
        return row.getChildren().stream().map(ClipCard.class::cast).toList();
    }

    private void show(List<Continuation> candidates, ContinuationViewModel model, ClipActions actions) {
        row.getChildren().clear();
        for (int i = 0; i < candidates.size(); i++) {
            Continuation candidate = candidates.get(i);
            int added = candidate.whole().bars() - candidate.primer().bars();
            ClipCard card = new ClipCard("#" + (i + 1) + " · +" + added + (added == 1 ? " bar" : " bars"),
                    candidate.whole(), actions, 200, 64);
            card.roll().setMutedBefore(candidate.boundary());
            card.addAction("Take into clip", "Append these bars to the editor's clip (undoable)",
                    () -> model.take(candidate)).getStyleClass().add("take-continuation");
            row.getChildren().add(card);
        }
    }

    private void chooseModel(ContinuationSession session) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a continuation model folder (palette train --preset continue_…)");
        File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
        if (dir != null) {
            session.open(dir.toPath(), () -> { });
        }
    }

    private static Slider slider(double min, double max, double value) {
        Slider slider = new Slider(min, max, value);
        slider.setPrefWidth(100);
        slider.setShowTickLabels(true);
        slider.setMajorTickUnit((max - min) / 2);
        return slider;
    }
}
