package org.melodypalette.app.workbench.train;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.melodypalette.model.api.ModelInfo;

/**
 * The training window's content: the choices, Start/Resume and Stop, the progress bar with ETA,
 * and two live charts (losses in nats per sequence; training and eval accuracy).
 */
public final class TrainingPane extends VBox {

    private final TrainingViewModel model;
    private final Supplier<Window> window;
    private final LineChart<Number, Number> lossChart = chart("Loss (nats per sequence)", "trainLossChart");
    private final LineChart<Number, Number> accuracyChart = chart("Accuracy per step", "trainAccuracyChart");
    /** Held here: a bidirectional binding keeps only weak references, and asObject() makes a new property. */
    private final ObjectProperty<Integer> stepsValue;

    public TrainingPane(TrainingViewModel model, Supplier<Window> window) {
        this.model = model;
        this.window = window;
        this.stepsValue = model.stepsProperty().asObject();
        setSpacing(8);
        setPadding(new Insets(10));
        getChildren().addAll(form(), controls(), progress(), lossChart, accuracyChart);
        VBox.setVgrow(lossChart, Priority.ALWAYS);
        VBox.setVgrow(accuracyChart, Priority.ALWAYS);
        accuracyChart.getYAxis().setAutoRanging(false);
        ((NumberAxis) accuracyChart.getYAxis()).setLowerBound(0);
        ((NumberAxis) accuracyChart.getYAxis()).setUpperBound(1);
        ((NumberAxis) accuracyChart.getYAxis()).setTickUnit(0.2);
        model.lossPoints().addListener((ListChangeListener<LossPoint>) c -> redraw());
        model.evalPoints().addListener((ListChangeListener<EvalPoint>) c -> redraw());
        redraw();
    }

    public LineChart<Number, Number> lossChart() {
        return lossChart;
    }

    public LineChart<Number, Number> accuracyChart() {
        return accuracyChart;
    }

    // Layout

    private GridPane form() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        Label folder = pathLabel("trainMidiFolder", "(no folder chosen)");
        folder.textProperty().bind(Bindings.createStringBinding(() -> text(model.midiFolderProperty().get(),
                "(no folder chosen)"), model.midiFolderProperty()));
        Button chooseFolder = new Button("Choose…");
        chooseFolder.setOnAction(e -> chooseMidiFolder());
        grid.addRow(0, new Label("MIDI folder"), folder, chooseFolder);

        ComboBox<String> preset = new ComboBox<>();
        preset.setId("trainPreset");
        preset.getItems().setAll(model.presets().stream().map(ModelInfo::name).toList());
        preset.valueProperty().bindBidirectional(model.presetProperty());
        preset.setPromptText("config file");
        Button config = new Button("Config file…");
        config.setOnAction(e -> chooseConfigFile());
        Label shape = new Label();
        shape.getStyleClass().add("hint");
        shape.textProperty().bind(Bindings.createStringBinding(this::describeModel, model.presetProperty(),
                model.configFileProperty(), model.savedRunProperty()));
        HBox modelRow = new HBox(8, preset, shape);
        grid.addRow(1, new Label("Model"), modelRow, config);

        TextField output = new TextField();
        output.setId("trainOutput");
        output.setText(text(model.outputFolderProperty().get(), ""));
        model.outputFolderProperty().addListener((obs, old, now) -> output.setText(text(now, "")));
        output.setOnAction(e -> commitOutput(output));
        output.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commitOutput(output);
            }
        });
        Button chooseOutput = new Button("Choose…");
        chooseOutput.setOnAction(e -> chooseOutputFolder());
        grid.addRow(2, new Label("Save to"), output, chooseOutput);

        Spinner<Integer> steps = new Spinner<>(1, Integer.MAX_VALUE, model.stepsProperty().get(), 100);
        steps.setId("trainSteps");
        steps.setEditable(true);
        steps.getValueFactory().valueProperty().bindBidirectional(stepsValue);
        grid.addRow(3, new Label("Train until step"), steps);

        Label note = new Label();
        note.setId("trainOutputNote");
        note.setWrapText(true);
        note.getStyleClass().add("hint");
        note.textProperty().bind(model.outputNoteProperty());
        grid.add(note, 1, 4, 2, 1);

        for (var node : List.of(chooseFolder, preset, config, output, chooseOutput, steps)) {
            node.disableProperty().bind(Bindings.createBooleanBinding(() -> model.phaseProperty().get().running(),
                    model.phaseProperty()));
        }
        preset.disableProperty().unbind();
        preset.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.phaseProperty().get().running() || model.savedRunProperty().get() != null,
                model.phaseProperty(), model.savedRunProperty()));
        return grid;
    }

    private HBox controls() {
        Button start = new Button();
        start.setId("trainStart");
        start.setDefaultButton(true);
        start.textProperty().bind(Bindings.when(model.savedRunProperty().isNotNull()).then("Resume").otherwise("Start"));
        start.disableProperty().bind(model.canStartProperty().not());
        start.setOnAction(e -> model.start());
        Button stop = new Button("Stop");
        stop.setId("trainStop");
        stop.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.phaseProperty().get() != TrainingViewModel.Phase.PREPARING
                        && model.phaseProperty().get() != TrainingViewModel.Phase.TRAINING,
                model.phaseProperty()));
        stop.setOnAction(e -> model.stop());
        Button use = new Button("Use the trained model");
        use.setId("trainUseModel");
        use.disableProperty().bind(model.trainedModelProperty().isNull()
                .or(Bindings.createBooleanBinding(() -> model.phaseProperty().get().running(), model.phaseProperty())));
        use.setOnAction(e -> model.useTrainedModel());
        return new HBox(8, start, stop, use);
    }

    private VBox progress() {
        ProgressBar bar = new ProgressBar();
        bar.setId("trainProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.phaseProperty().isNotEqualTo(TrainingViewModel.Phase.IDLE));
        Label figures = new Label();
        figures.setId("trainProgressText");
        figures.textProperty().bind(model.progressTextProperty());
        Label message = new Label();
        message.setId("trainMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.styleProperty().bind(Bindings.when(model.phaseProperty().isEqualTo(TrainingViewModel.Phase.FAILED))
                .then("-fx-text-fill: #b91c1c;").otherwise(""));
        return new VBox(4, bar, figures, message);
    }

    private static LineChart<Number, Number> chart(String title, String id) {
        NumberAxis steps = new NumberAxis();
        steps.setLabel("step");
        steps.setForceZeroInRange(false);
        NumberAxis values = new NumberAxis();
        values.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(steps, values);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setMinHeight(150);
        chart.setPrefHeight(220);
        return chart;
    }

    // Charts

    private void redraw() {
        List<LossPoint> losses = model.lossPoints();
        List<EvalPoint> evals = model.evalPoints();
        lossChart.getData().setAll(List.of(
                series("loss", losses, LossPoint::step, LossPoint::loss),
                series("reconstruction", losses, LossPoint::step, LossPoint::reconstruction),
                series("KL", losses, LossPoint::step, LossPoint::kl)));
        accuracyChart.getData().setAll(List.of(
                series("training batches", losses, LossPoint::step, LossPoint::accuracy),
                withSymbols(series("eval (teacher-forced)", evals, EvalPoint::step, EvalPoint::teacherForcedAccuracy)),
                withSymbols(series("eval (sampled)", evals, EvalPoint::step, EvalPoint::sampledAccuracy))));
    }

    /** Marks each point (evaluations are sparse); the charts draw plain lines otherwise. */
    private static XYChart.Series<Number, Number> withSymbols(XYChart.Series<Number, Number> series) {
        // LineChart styles a node it is given like its own symbols, even with createSymbols off.
        series.getData().forEach(point -> point.setNode(new StackPane()));
        return series;
    }

    private static <P> XYChart.Series<Number, Number> series(String name, List<P> points, Function<P, Long> x,
                                                            Function<P, Double> y) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (P p : points) {
            series.getData().add(new XYChart.Data<>(x.apply(p), y.apply(p)));
        }
        return series;
    }

    // Choosers

    private void chooseMidiFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Train on the MIDI files of a folder (and its subfolders)");
        File dir = chooser.showDialog(window.get());
        if (dir != null) {
            model.midiFolderProperty().set(dir.toPath());
        }
    }

    private void chooseConfigFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Train the model a config.json describes");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Model config", "*.json"));
        File file = chooser.showOpenDialog(window.get());
        if (file != null) {
            model.configFileProperty().set(file.toPath());
        }
    }

    private void chooseOutputFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Save the model in (a new or empty folder, or a run to resume)");
        File dir = chooser.showDialog(window.get());
        if (dir != null) {
            model.chooseOutputFolder(dir.toPath());
        }
    }

    private void commitOutput(TextField field) {
        String text = field.getText() == null ? "" : field.getText().trim();
        Path current = model.outputFolderProperty().get();
        if (!text.isEmpty() && (current == null || !text.equals(current.toString()))) {
            model.chooseOutputFolder(Path.of(text));
        }
    }

    private String describeModel() {
        ModelInfo info = null;
        if (model.savedRunProperty().get() != null) {
            info = model.savedRunProperty().get().model();
        } else if (model.presetProperty().get() != null) {
            info = model.presets().stream().filter(p -> p.name().equals(model.presetProperty().get())).findFirst()
                    .orElse(null);
        } else if (model.configFileProperty().get() != null) {
            return model.configFileProperty().get().toString();
        }
        return info == null ? "" : info.name() + ": " + info.bars() + " bars, latent size " + info.zSize();
    }

    private static Label pathLabel(String id, String empty) {
        Label label = new Label(empty);
        label.setId(id);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static String text(Path path, String empty) {
        return path == null ? empty : path.toString();
    }
}
