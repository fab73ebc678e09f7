package org.melodypalette.app.workbench.latent;

import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.melodypalette.app.workbench.clip.ClipActions;
import org.melodypalette.app.workbench.model.AttributeNames;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.music.Melody;

/**
 * Sample (temperature, top-p), variations of the editor's clip, and attribute sliders whose Apply
 * adds a moved copy of the editor's clip to the results.
 */
public final class GeneratePane extends VBox {

    private final ClipStrip results;
    private final FlowPane attributes = new FlowPane(10, 6);

    public GeneratePane(GenerateViewModel model, javafx.beans.value.ObservableValue<ModelInfo> info,
                        ClipActions actions, Supplier<Melody> editorClip) {
        setSpacing(6);
        setPadding(new Insets(6));
        Slider temperature = labelledSlider(0, 2, model.temperatureProperty().get());
        temperature.valueProperty().bindBidirectional(model.temperatureProperty());
        Slider topP = labelledSlider(0.05, 1, model.topPProperty().get());
        topP.valueProperty().bindBidirectional(model.topPProperty());
        Spinner<Integer> count = new Spinner<>(1, 16, model.countProperty().get());
        count.setPrefWidth(64);
        count.valueProperty().addListener((obs, old, now) -> model.countProperty().set(now));
        Button sample = new Button("Sample");
        sample.setId("sampleButton");
        sample.setOnAction(e -> model.sample());
        Slider similarity = labelledSlider(0, 1, model.similarityProperty().get());
        similarity.valueProperty().bindBidirectional(model.similarityProperty());
        Button similar = new Button("Variations of clip");
        similar.setId("similarButton");
        similar.setOnAction(e -> model.variationsOf(editorClip.get()));
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.busyProperty());
        HBox row1 = new HBox(8, new Label("Temperature"), temperature, new Label("Top-p"), topP,
                new Label("How many"), count, sample, busy);
        HBox row2 = new HBox(8, new Label("Similarity"), similarity, similar);
        results = new ClipStrip(actions, i -> i < model.captionsProperty().get().size()
                ? model.captionsProperty().get().get(i) : "#" + (i + 1));
        results.setId("generateResults");
        model.resultsProperty().addListener((obs, old, now) -> results.show(now));
        Label stale = StaleNote.label(model.resultsMadeWith(), "generateStale");
        StaleNote.dim(results, model.resultsMadeWith());
        info.addListener((obs, old, now) -> showAttributes(model, now, editorClip));
        showAttributes(model, info.getValue(), editorClip);
        getChildren().addAll(row1, row2, attributes, stale, results);
    }

    private void showAttributes(GenerateViewModel model, ModelInfo info, Supplier<Melody> editorClip) {
        attributes.getChildren().clear();
        List<String> names = info == null ? List.of() : info.attributes();
        if (names.isEmpty()) {
            Label none = new Label("Attribute sliders appear when the model ships attribute vectors"
                    + " (note density, pitch height…); this model has none.");
            none.getStyleClass().add("hint");
            attributes.getChildren().add(none);
            return;
        }
        Label how = new Label("Move the editor's clip along an attribute: Apply adds the result as the first"
                + " card below and keeps the others; the editor's clip is not changed.");
        how.getStyleClass().add("hint");
        how.setWrapText(true);
        how.prefWidthProperty().bind(attributes.widthProperty());
        attributes.getChildren().add(how);
        for (String name : names) {
            Slider strength = new Slider(-2, 2, 0);
            strength.setPrefWidth(120);
            strength.setMajorTickUnit(1);
            strength.setShowTickMarks(true);
            strength.setTooltip(new Tooltip(AttributeNames.effect(name)));
            Label label = new Label(AttributeNames.label(name));
            label.setId("attribute-" + name);
            Label amount = new Label();
            amount.textProperty().bind(Bindings.format("%+.1f", strength.valueProperty()));
            amount.setMinWidth(32);
            Button apply = new Button("Apply to clip");
            apply.setId("apply-" + name);
            apply.setTooltip(new Tooltip("Adds the editor's clip moved along “" + AttributeNames.label(name)
                    + "” (" + AttributeNames.effect(name) + ") as the first result; nothing is replaced"));
            apply.setOnAction(e -> model.applyAttribute(editorClip.get(), name, strength.getValue()));
            HBox row = new HBox(4, label, strength, amount, apply);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            attributes.getChildren().add(row);
        }
    }

    private static Slider labelledSlider(double min, double max, double value) {
        Slider slider = new Slider(min, max, value);
        slider.setPrefWidth(110);
        slider.setShowTickLabels(true);
        slider.setMajorTickUnit((max - min) / 2);
        return slider;
    }
}
