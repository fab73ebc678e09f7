package org.melodypalette.app.workbench.model;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.music.Pitches;

/**
 * The model panel: what is loaded (what it writes and what it was trained on, then the technical
 * details and its folder), the bundled models and those trained in this session (each named the
 * same way), opening any checkpoint folder, and training a new model on a MIDI folder.
 */
public final class ModelPane extends VBox {

    /**
     * @param bundled      the bundled model folders
     * @param trained      models trained in this session (grows while the pane is shown)
     * @param open         opens a model folder
     * @param home         where bundled models are looked for (named when there are none)
     * @param chooseFolder asks for a checkpoint folder and opens it
     * @param openTraining shows the training window
     */
    public ModelPane(ModelSession session, List<Path> bundled, ObservableList<Path> trained, Consumer<Path> open,
                     Path home, Runnable chooseFolder, Runnable openTraining) {
        setSpacing(8);
        setPadding(new Insets(8));
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
        models.getItems().setAll(bundled);
        models.getItems().addAll(trained);
        trained.addListener((ListChangeListener<Path>) change -> {
            while (change.next()) {
                change.getAddedSubList().stream().filter(p -> !models.getItems().contains(p))
                        .forEach(models.getItems()::add);
            }
        });
        models.setPlaceholder(new Label("No bundled models under " + home.resolve("checkpoints")));
        Button openSelected = new Button("Open selected");
        openSelected.disableProperty().bind(models.getSelectionModel().selectedItemProperty().isNull());
        openSelected.setOnAction(e -> open.accept(models.getSelectionModel().getSelectedItem()));
        Button folder = new Button("Open checkpoint folder…");
        folder.setOnAction(e -> chooseFolder.run());
        Button train = new Button("Train on a MIDI folder…");
        train.setId("trainButton");
        train.setOnAction(e -> openTraining.run());
        getChildren().addAll(new Label("Current model"), headline, current, new Label("Bundled and trained models"),
                models, new HBox(8, openSelected, folder, train));
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
