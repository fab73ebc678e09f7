package org.melodypalette.app.workbench;

import java.nio.file.Path;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.melodypalette.app.workbench.latent.AttributeNames;
import org.melodypalette.app.workbench.model.ModelDescription;
import org.melodypalette.app.workbench.model.ModelSession;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.music.Pitches;

/**
 * The model panel: what is loaded (what it writes and what it was trained on, then the technical
 * details and its folder), the bundled models and those trained in this session (each named the
 * same way), opening any checkpoint folder, and training a new model on a MIDI folder.
 */
final class ModelPane extends VBox {

    ModelPane(Workbench workbench, Runnable chooseFolder, Runnable openTraining) {
        setSpacing(8);
        setPadding(new Insets(8));
        ModelSession session = workbench.session();
        Label headline = new Label();
        headline.setId("modelHeadline");
        headline.getStyleClass().add("model-headline");
        Label current = new Label();
        current.setId("modelInfo");
        current.setWrapText(true);
        current.getStyleClass().add("hint");
        Runnable describe = () -> {
            ModelDescription description = session.descriptionProperty().get();
            headline.setText(description == null ? ModelSession.NO_MODEL : description.text());
            current.setText(details(session.infoProperty().get(), session.checkpointProperty().get()));
        };
        describe.run();
        session.infoProperty().addListener(o -> describe.run());
        session.checkpointProperty().addListener(o -> describe.run());

        ListView<Path> models = new ListView<>();
        models.setId("modelList");
        models.setPrefHeight(110);
        models.setCellFactory(list -> new ModelCell());
        models.getItems().setAll(workbench.bundledModels());
        models.getItems().addAll(workbench.training().trainedModels());
        workbench.training().trainedModels().addListener((ListChangeListener<Path>) change -> {
            while (change.next()) {
                change.getAddedSubList().stream().filter(p -> !models.getItems().contains(p))
                        .forEach(models.getItems()::add);
            }
        });
        models.setPlaceholder(new Label("No bundled models under " + workbench.home().resolve("checkpoints")));
        Button open = new Button("Open selected");
        open.disableProperty().bind(models.getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> workbench.openModel(models.getSelectionModel().getSelectedItem()));
        Button folder = new Button("Open checkpoint folder…");
        folder.setOnAction(e -> chooseFolder.run());
        Button train = new Button("Train on a MIDI folder…");
        train.setId("trainButton");
        train.setOnAction(e -> openTraining.run());
        getChildren().addAll(new Label("Current model"), headline, current, new Label("Bundled and trained models"),
                models, new HBox(8, open, folder, train));
    }

    /** "mel_2bar_cpu · latent size 128 · pitches A0–C8 · attributes: …" and the folder on the last line. */
    private static String details(ModelInfo info, Path dir) {
        if (info == null) {
            return "";
        }
        String attributes = info.attributes().stream().map(AttributeNames::label).collect(Collectors.joining(", "));
        return info.name() + " · " + info.numSteps() + " steps · latent size " + info.zSize() + " · pitches "
                + Pitches.name(info.minPitch()) + "–" + Pitches.name(info.maxPitch())
                + (attributes.isEmpty() ? "" : " · attributes: " + attributes)
                + "\n" + (dir == null ? info.source() : dir.toAbsolutePath().toString());
    }

    /** A model folder shown by name and description ("mel_2bar — 2-bar melodies · trained on …"). */
    private static final class ModelCell extends ListCell<Path> {
        @Override
        protected void updateItem(Path dir, boolean empty) {
            super.updateItem(dir, empty);
            if (empty || dir == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            ModelDescription description = ModelDescription.ofFolder(dir);
            setText(dir.getFileName() + " — " + (description == null ? "checkpoint folder" : description.text()));
            setTooltip(new Tooltip(dir.toAbsolutePath().toString()));
        }
    }
}
