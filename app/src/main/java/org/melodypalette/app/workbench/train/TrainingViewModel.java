package org.melodypalette.app.workbench.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.model.api.TrainingProgress;
import org.melodypalette.model.api.TrainingResult;
import org.melodypalette.model.service.TrainingSetup;

/**
 * Training a model on the user's own MIDI folder: the choices (folder, model, where to save, until
 * which step), start / stop / resume, and what the running job reports (phase, progress, ETA, the
 * loss and accuracy curves). The job runs on its own thread ({@link TrainingJob}); everything here
 * is read and changed on the UI thread only, the job's reports arrive through {@code ui}.
 */
public final class TrainingViewModel {

    /** Where a run is. */
    public enum Phase {
        IDLE, PREPARING, TRAINING, STOPPING, FINISHED, STOPPED, FAILED;

        public boolean running() {
            return this == PREPARING || this == TRAINING || this == STOPPING;
        }
    }

    /** The preset chosen at first: the two-core 2-bar model. */
    public static final String DEFAULT_PRESET = "mel_2bar_cpu";
    /** About an hour of mel_2bar_cpu on two cores (README). */
    public static final int DEFAULT_STEPS = 2_000;
    /** Points the loss chart keeps, however long the run. */
    static final int CHART_POINTS = 300;
    private static final long SHUTDOWN_WAIT_MILLIS = 60_000;

    private final Executor ui;
    private final StatusLine status;
    private final Consumer<Path> openModel;
    private final Path modelsFolder;
    private final List<ModelInfo> presets;

    private final ObjectProperty<Path> midiFolder = new SimpleObjectProperty<>(this, "midiFolder");
    private final StringProperty preset = new SimpleStringProperty(this, "preset");
    private final ObjectProperty<Path> configFile = new SimpleObjectProperty<>(this, "configFile");
    private final ReadOnlyObjectWrapper<Path> outputFolder = new ReadOnlyObjectWrapper<>(this, "outputFolder");
    private final IntegerProperty steps = new SimpleIntegerProperty(this, "steps", DEFAULT_STEPS);
    private int checkpointInterval = 100;
    private int evalInterval = 200;
    private int evalWindows = 256;
    private boolean outputChosenByUser;

    private final ReadOnlyObjectWrapper<TrainingSetup.SavedRun> savedRun = new ReadOnlyObjectWrapper<>(this, "savedRun");
    private final ReadOnlyStringWrapper outputNote = new ReadOnlyStringWrapper(this, "outputNote", "");
    private final ReadOnlyBooleanWrapper outputUsable = new ReadOnlyBooleanWrapper(this, "outputUsable");
    private final ReadOnlyBooleanWrapper canStart = new ReadOnlyBooleanWrapper(this, "canStart");

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ObservableList<LossPoint> lossPoints = FXCollections.observableArrayList();
    private final ObservableList<EvalPoint> evalPoints = FXCollections.observableArrayList();
    // One read-only view each: a view listens weakly to its list, so a new one per call could be
    // collected together with the listeners added to it.
    private final ObservableList<LossPoint> lossPointsView = FXCollections.unmodifiableObservableList(lossPoints);
    private final ObservableList<EvalPoint> evalPointsView = FXCollections.unmodifiableObservableList(evalPoints);
    private final ReadOnlyObjectWrapper<Path> trainedModel = new ReadOnlyObjectWrapper<>(this, "trainedModel");
    private final ObservableList<Path> trainedModels = FXCollections.observableArrayList();
    private final ObservableList<Path> trainedModelsView = FXCollections.unmodifiableObservableList(trainedModels);

    private TrainingJob job;

    /**
     * @param ui           runs the job's reports on the UI thread
     * @param openModel    switches the workbench to a checkpoint folder
     * @param modelsFolder where new runs are suggested to save (a subfolder per run)
     */
    public TrainingViewModel(Executor ui, StatusLine status, Consumer<Path> openModel, Path modelsFolder) {
        this.ui = ui;
        this.status = status;
        this.openModel = openModel;
        this.modelsFolder = modelsFolder;
        this.presets = TrainingSetup.presets().stream().filter(TrainingViewModel::fitsMidiFolders).toList();
        preset.set(presets.stream().map(ModelInfo::name).filter(DEFAULT_PRESET::equals).findFirst()
                .orElse(presets.isEmpty() ? null : presets.get(0).name()));
        midiFolder.addListener(o -> suggestOutput());
        preset.addListener((obs, old, now) -> {
            if (now != null) {
                configFile.set(null);
            }
            suggestOutput();
        });
        configFile.addListener((obs, old, now) -> {
            if (now != null) {
                preset.set(null);
            }
            suggestOutput();
        });
        steps.addListener(o -> updateCanStart());
        phase.addListener(o -> updateCanStart());
        inspectOutput();
    }

    /** Where a user's own models go by default: {@code -Dpalette.models}, else {@code ~/.melody-palette/models}. */
    public static Path defaultModelsFolder() {
        String configured = System.getProperty("palette.models");
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".melody-palette", "models");
    }

    // Choices

    /** Presets a MIDI folder can train: bars of 16 sixteenths (tiny-test's 4-step bars cannot). */
    public List<ModelInfo> presets() {
        return presets;
    }

    public ObjectProperty<Path> midiFolderProperty() {
        return midiFolder;
    }

    /** The chosen preset; null when a config file is chosen. */
    public StringProperty presetProperty() {
        return preset;
    }

    /** A {@code config.json} to train instead of a preset; null when a preset is chosen. */
    public ObjectProperty<Path> configFileProperty() {
        return configFile;
    }

    /** The checkpoint folder; suggested under the models folder until the user chooses one. */
    public ReadOnlyObjectProperty<Path> outputFolderProperty() {
        return outputFolder.getReadOnlyProperty();
    }

    public void chooseOutputFolder(Path folder) {
        outputChosenByUser = true;
        outputFolder.set(folder);
        inspectOutput();
    }

    /** The step to train until (counting earlier sessions of a resumed run). */
    public IntegerProperty stepsProperty() {
        return steps;
    }

    /** Checkpoint, evaluation and eval-set size of the next run (tests use small ones). */
    public void setSchedule(int newCheckpointInterval, int newEvalInterval, int newEvalWindows) {
        checkpointInterval = newCheckpointInterval;
        evalInterval = newEvalInterval;
        evalWindows = newEvalWindows;
    }

    // What the output folder holds

    /** The run the output folder holds (Start then resumes it), or null. */
    public ReadOnlyObjectProperty<TrainingSetup.SavedRun> savedRunProperty() {
        return savedRun.getReadOnlyProperty();
    }

    /** One line about the output folder: new, resumable, or why it cannot be used. */
    public ReadOnlyStringProperty outputNoteProperty() {
        return outputNote.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty outputUsableProperty() {
        return outputUsable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canStartProperty() {
        return canStart.getReadOnlyProperty();
    }

    // The run

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    /** Share of the steps done, 0..1; -1 while preparing (indeterminate). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** "step 120 / 2000 · 31 seq/s · loss 42.1 · ETA 1h05m". */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** What the run is doing or how it ended, in words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The loss curve so far (at most {@value #CHART_POINTS} points). */
    public ObservableList<LossPoint> lossPoints() {
        return lossPointsView;
    }

    public ObservableList<EvalPoint> evalPoints() {
        return evalPointsView;
    }

    /** The checkpoint of the last run that ended with one, or null. */
    public ReadOnlyObjectProperty<Path> trainedModelProperty() {
        return trainedModel.getReadOnlyProperty();
    }

    /** Checkpoints trained in this session, oldest first. */
    public ObservableList<Path> trainedModels() {
        return trainedModelsView;
    }

    // Commands

    /** Starts a new run, or resumes the one the output folder holds. */
    public void start() {
        if (phase.get().running()) {
            return;
        }
        inspectOutput();
        if (!canStart.get()) {
            message.set(outputNote.get());
            return;
        }
        TrainingRequest request;
        try {
            boolean resume = savedRun.get() != null;
            request = new TrainingRequest(midiFolder.get(), resume ? null : preset.get(),
                    resume ? null : configFile.get(), outputFolder.get(), steps.get(), checkpointInterval,
                    evalInterval, evalWindows, resume);
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        lossPoints.clear();
        evalPoints.clear();
        progress.set(-1);
        progressText.set("");
        phase.set(Phase.PREPARING);
        message.set("Reading MIDI files…");
        status.info((request.resume() ? "Resuming training in " : "Training into ") + request.outputDir());
        job = new TrainingJob(request, new Reports());
        job.start();
    }

    /** Asks the run to stop after its current step; it saves a checkpoint first. */
    public void stop() {
        if (job != null && phase.get().running()) {
            job.requestStop();
            phase.set(Phase.STOPPING);
            message.set("Stopping after this step and saving a checkpoint…");
        }
    }

    /** Switches the workbench to the model the last run saved. */
    public void useTrainedModel() {
        if (trainedModel.get() != null) {
            openModel.accept(trainedModel.get());
        }
    }

    /** Stops a running job and waits (up to a minute) for its checkpoint; for closing the app. */
    public void shutdown() {
        TrainingJob running = job;
        if (running != null && phase.get().running()) {
            running.requestStop();
            try {
                running.await(SHUTDOWN_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // Internals

    static boolean fitsMidiFolders(ModelInfo model) {
        try {
            TrainingJob.barsPerWindow(model);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private String modelName() {
        if (configFile.get() != null) {
            String file = configFile.get().getFileName().toString();
            Path parent = configFile.get().getParent();
            return file.equals("config.json") && parent != null && parent.getFileName() != null
                    ? parent.getFileName().toString() : file.replaceFirst("\\.json$", "");
        }
        return preset.get();
    }

    private void suggestOutput() {
        if (!outputChosenByUser && midiFolder.get() != null && modelName() != null) {
            String base = safeName(midiFolder.get().getFileName() == null ? "midi" : midiFolder.get().getFileName().toString())
                    + "-" + safeName(modelName());
            Path candidate = modelsFolder.resolve(base);
            for (int n = 2; Files.exists(candidate) && n < 1000; n++) {
                candidate = modelsFolder.resolve(base + "-" + n);
            }
            outputFolder.set(candidate);
        }
        inspectOutput();
    }

    private static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    /**
     * Looks at the output folder. Never while a run writes into it: reading a checkpoint first
     * recovers from a half-swapped folder, which would undo a swap in progress.
     */
    private void inspectOutput() {
        if (phase.get().running()) {
            return;
        }
        Path out = outputFolder.get();
        TrainingSetup.SavedRun saved = null;
        String note;
        boolean usable = false;
        if (out == null) {
            note = "Choose a MIDI folder and a model; the run is saved in a new folder.";
        } else if (!Files.exists(out)) {
            note = "A new folder will be created: " + out;
            usable = true;
        } else if (!Files.isDirectory(out)) {
            note = out + " is a file, not a folder";
        } else {
            try {
                Optional<TrainingSetup.SavedRun> found = TrainingSetup.savedRun(out);
                if (found.isPresent()) {
                    saved = found.get();
                    note = String.format(Locale.ROOT, "%s holds a run of %s at step %d: Resume continues it",
                            out, saved.model().name(), saved.step());
                    usable = true;
                } else if (isEmpty(out)) {
                    note = "The run is saved in the empty folder " + out;
                    usable = true;
                } else {
                    note = out + " is not empty and holds no training checkpoint; choose a new or empty folder";
                }
            } catch (IOException e) {
                note = StatusLine.describe(e);
            }
        }
        savedRun.set(saved);
        if (saved != null && steps.get() <= saved.step()) {
            steps.set((int) Math.min(Integer.MAX_VALUE, saved.step() + DEFAULT_STEPS));
        }
        outputNote.set(note);
        outputUsable.set(usable);
        updateCanStart();
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private void updateCanStart() {
        boolean modelChosen = savedRun.get() != null || preset.get() != null || configFile.get() != null;
        boolean stepsLeft = savedRun.get() == null || steps.get() > savedRun.get().step();
        canStart.set(!phase.get().running() && midiFolder.get() != null && outputUsable.get() && modelChosen
                && stepsLeft && steps.get() > 0);
    }

    private void onProgress(TrainingProgress p, List<LossPoint> points) {
        if (phase.get() == Phase.PREPARING) {
            phase.set(Phase.TRAINING);
            message.set("Training…");
        }
        progress.set(p.totalSteps() == 0 ? 0 : Math.min(1.0, p.step() / (double) p.totalSteps()));
        progressText.set(String.format(Locale.ROOT, "step %d / %d · %.1f seq/s · loss %.2f · ETA %s", p.step(),
                p.totalSteps(), p.sequencesPerSecond(), p.loss(), duration(p.etaSeconds())));
        lossPoints.setAll(points);
    }

    private void onFinished(TrainingResult result) {
        Path checkpoint = result.checkpoint();
        trainedModel.set(checkpoint);
        if (!trainedModels.contains(checkpoint)) {
            trainedModels.add(checkpoint);
        }
        phase.set(result.stopped() ? Phase.STOPPED : Phase.FINISHED);
        String how = result.stopped() ? "Stopped" : "Finished";
        message.set(how + " at step " + result.step() + "; the model is saved in " + checkpoint
                + ". Use it, or Resume to train further.");
        status.info(how + " training at step " + result.step() + ": " + checkpoint.getFileName() + " is ready to use");
        inspectOutput();
    }

    private void onFailed(Exception error) {
        phase.set(Phase.FAILED);
        progress.set(0);
        message.set(StatusLine.describe(error));
        status.failure("Training failed", error);
        inspectOutput();
    }

    /** Hours and minutes, or minutes and seconds; "?" before there is an estimate. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    /**
     * The job's reports, moved to the UI thread. Steps can come far faster than the screen
     * refreshes (tiny models), so progress is coalesced: only the newest waits to be shown.
     */
    private final class Reports implements TrainingJob.Events {

        private record Snapshot(TrainingProgress progress, List<LossPoint> points) {
        }

        /** Touched only by the training thread. */
        private final LossHistory history = new LossHistory(CHART_POINTS);
        private final AtomicReference<Snapshot> pending = new AtomicReference<>();

        @Override
        public void preparing(String what) {
            ui.execute(() -> {
                if (phase.get() == Phase.PREPARING) {
                    message.set(what);
                }
            });
        }

        @Override
        public void datasetReady(int trainWindows, int evalWindows, List<String> skippedFiles) {
            String text = String.format(Locale.ROOT, "%d training windows, %d eval windows", trainWindows, evalWindows);
            if (!skippedFiles.isEmpty()) {
                text += "; skipped " + skippedFiles.size() + (skippedFiles.size() == 1 ? " file: " : " files, first: ")
                        + skippedFiles.get(0);
            }
            String shown = text;
            ui.execute(() -> status.info(shown));
        }

        @Override
        public void progress(TrainingProgress p) {
            history.add(p);
            if (pending.getAndSet(new Snapshot(p, history.points())) == null) {
                ui.execute(this::showProgress);
            }
        }

        private void showProgress() {
            Snapshot latest = pending.getAndSet(null);
            if (latest != null) {
                onProgress(latest.progress(), latest.points());
            }
        }

        @Override
        public void evaluation(EvaluationReport report) {
            EvalPoint point = new EvalPoint(report.step(), report.teacherForcedAccuracy(), report.sampledAccuracy());
            ui.execute(() -> evalPoints.add(point));
        }

        @Override
        public void checkpoint(Path folder, long step) {
            ui.execute(() -> {
                if (phase.get() == Phase.TRAINING) {
                    message.set("Training… last checkpoint at step " + step);
                }
            });
        }

        @Override
        public void finished(TrainingResult result) {
            ui.execute(() -> {
                showProgress();
                onFinished(result);
            });
        }

        @Override
        public void failed(Exception error) {
            ui.execute(() -> {
                showProgress();
                onFailed(error);
            });
        }
    }
}
