package org.melodypalette.app.workbench;

import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.melodypalette.model.api.ModelInfo;

/**
 * The model panel: what is loaded, the bundled models and those trained in this session, opening
 * any checkpoint folder, and training a new model on a MIDI folder.
 */
final class ModelPane extends VBox {

    ModelPane(Workbench workbench, Runnable chooseFolder, Runnable openTraining) {
        setSpacing(8);
        setPadding(new Insets(8));
        Label current = new Label();
        current.setId("modelInfo");
        current.setWrapText(true);
        Runnable describe = () -> current.setText(describe(workbench.session().infoProperty().get(),
                workbench.session().checkpointProperty().get()));
        describe.run();
        workbench.session().infoProperty().addListener(o -> describe.run());
        workbench.session().checkpointProperty().addListener(o -> describe.run());

        ListView<Path> bundled = new ListView<>();
        bundled.setId("modelList");
        bundled.setPrefHeight(110);
        bundled.getItems().setAll(workbench.bundledModels());
        bundled.getItems().addAll(workbench.training().trainedModels());
        workbench.training().trainedModels().addListener((ListChangeListener<Path>) change -> {
            while (change.next()) {
                change.getAddedSubList().stream().filter(p -> !bundled.getItems().contains(p))
                        .forEach(bundled.getItems()::add);
            }
        });
        bundled.setPlaceholder(new Label("No bundled models under " + workbench.home().resolve("checkpoints")));
        Button open = new Button("Open selected");
        open.disableProperty().bind(bundled.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> workbench.openModel(bundled.getSelectionModel().getSelectedItem()));
        Button folder = new Button("Open checkpoint folder…");
        folder.setOnAction(e -> chooseFolder.run());
        Button train = new Button("Train on a MIDI folder…");
        train.setId("trainButton");
        train.setOnAction(e -> openTraining.run());
        getChildren().addAll(new Label("Current model"), current, new Label("Bundled and trained models"), bundled,
                new HBox(8, open, folder, train));
    }

    private static String describe(ModelInfo info, Path dir) {
        if (info == null) {
            return org.melodypalette.app.workbench.model.ModelSession.NO_MODEL;
        }
        return info.name() + " — " + info.bars() + " bars (" + info.numSteps() + " steps), latent size " + info.zSize()
                + ", pitches " + info.minPitch() + "–" + info.maxPitch()
                + (info.attributes().isEmpty() ? "" : ", attributes " + String.join(", ", info.attributes()))
                + "\n" + (dir == null ? info.source() : dir.toAbsolutePath().toString());
    }
}
