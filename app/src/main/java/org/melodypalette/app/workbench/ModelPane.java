package org.melodypalette.app.workbench;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.melodypalette.model.api.ModelInfo;

/** The model panel: what is loaded, the bundled models, and opening any checkpoint folder. */
final class ModelPane extends VBox {

    ModelPane(Workbench workbench, Runnable chooseFolder) {
        setSpacing(8);
        setPadding(new Insets(8));
        Label current = new Label();
        current.setId("modelInfo");
        current.setWrapText(true);
        Runnable describe = () -> current.setText(describe(workbench.session().infoProperty().get(),
                workbench.session().checkpointProperty().get()));
        describe.run();
        workbench.session().infoProperty().addListener(o -> describe.run());

        ListView<Path> bundled = new ListView<>();
        bundled.setPrefHeight(110);
        bundled.getItems().setAll(workbench.bundledModels());
        bundled.setPlaceholder(new Label("No bundled models under " + workbench.home().resolve("checkpoints")));
        Button open = new Button("Open selected");
        open.disableProperty().bind(bundled.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> workbench.openModel(bundled.getSelectionModel().getSelectedItem()));
        Button folder = new Button("Open checkpoint folder…");
        folder.setOnAction(e -> chooseFolder.run());
        Label training = new Label("Training on your own MIDI folder from the workbench is not available yet;"
                + " use the command line (palette --help).");
        training.setWrapText(true);
        training.getStyleClass().add("hint");
        getChildren().addAll(new Label("Current model"), current, new Label("Bundled models"), bundled,
                new HBox(8, open, folder), training);
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
