package org.melodypalette.app.workbench.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.melodypalette.datasets.BuildSummary;
import org.melodypalette.datasets.DatasetBuildOptions;
import org.melodypalette.datasets.DatasetBuilder;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingOptions;
import org.melodypalette.model.api.TrainingProgress;
import org.melodypalette.model.api.TrainingResult;
import org.melodypalette.model.service.TrainingRun;
import org.melodypalette.model.service.TrainingSetup;

/**
 * One training session on its own thread: cut the MIDI folder into windows of the model's length
 * (the datasets module's {@link DatasetBuilder}, into a temporary dataset file), then
 * {@link TrainingRun#run}, which blocks this thread until the last step or a stop request and
 * always ends with a checkpoint. {@link #requestStop()} is what Ctrl-C is to {@code palette train}:
 * the run finishes its step, writes the checkpoint and returns.
 *
 * <p>A folder with few files may hash every file into the eval split; the windows are then all
 * trained on (no evaluation) rather than leaving nothing to train.
 */
final class TrainingJob {

    /** What the job reports, on its own thread. */
    interface Events {
        /** Before training: reading files, starting the model. */
        void preparing(String what);

        void datasetReady(int trainWindows, int evalWindows, List<String> skippedFiles);

        void progress(TrainingProgress progress);

        void evaluation(EvaluationReport report);

        void checkpoint(Path folder, long step);

        /** The run ended at its last step or because a stop was requested; the checkpoint is complete. */
        void finished(TrainingResult result);

        /** Nothing was trained or the run broke off; the message names the file and the problem. */
        void failed(Exception error);
    }

    static final double EVAL_FRACTION = 0.1;

    private final TrainingRequest request;
    private final Events events;
    private final Thread thread;
    private volatile boolean stopRequested;

    TrainingJob(TrainingRequest request, Events events) {
        this.request = request;
        this.events = events;
        this.thread = new Thread(this::run, "melody-palette-training");
        // A run left behind by a crashed window must not keep the JVM alive; shutdown() waits for
        // the checkpoint before the window closes.
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    void requestStop() {
        stopRequested = true;
    }

    /** Waits up to {@code millis} for the run to end; true if it has. */
    boolean await(long millis) throws InterruptedException {
        thread.join(millis);
        return !thread.isAlive();
    }

    private void run() {
        Path datasetFile = null;
        try {
            ModelInfo model = model();
            int bars = barsPerWindow(model);
            WindowDataset dataset = buildDataset(bars);
            if (stopRequested) {
                throw new IOException("stopped before training started; nothing was saved");
            }
            datasetFile = Files.createTempFile("melody-palette-", ".dataset");
            WindowDatasetFile.write(datasetFile, dataset);
            events.preparing("Starting " + model.name() + "…");
            TrainingResult result = TrainingRun.run(options(datasetFile), new Listener());
            events.finished(result);
        } catch (Exception e) {
            events.failed(e);
        } catch (Error e) {
            // Out of memory must reach the window, not end the thread silently.
            events.failed(new RuntimeException(e.toString(), e));
        } finally {
            deleteQuietly(datasetFile);
        }
    }

    /** The model the run trains: the saved run's when resuming, else the preset or config file. */
    private ModelInfo model() throws IOException {
        if (request.resume()) {
            return TrainingSetup.savedRun(request.outputDir()).orElseThrow(() -> new IOException(
                    request.outputDir() + " holds no training checkpoint to resume")).model();
        }
        return request.preset() != null ? TrainingSetup.preset(request.preset())
                : TrainingSetup.configFile(request.configFile());
    }

    /** MIDI files are cut on 16-step bars; a model whose bars have another length cannot use them. */
    static int barsPerWindow(ModelInfo model) throws IOException {
        int stepsPerBar = DatasetBuildOptions.STEPS_PER_BAR;
        if (model.stepsPerBar() != stepsPerBar || model.numSteps() % stepsPerBar != 0) {
            throw new IOException(model.name() + " reads bars of " + model.stepsPerBar() + " steps, but MIDI files "
                    + "are cut into bars of " + stepsPerBar + " sixteenths; choose another model");
        }
        return model.numSteps() / stepsPerBar;
    }

    private WindowDataset buildDataset(int bars) throws IOException {
        Path folder = request.midiFolder();
        if (!Files.isDirectory(folder)) {
            throw new IOException(folder + " is not a folder");
        }
        DatasetBuilder.Result result = build(folder, bars, EVAL_FRACTION);
        if (result.dataset().train().count() == 0 && result.dataset().eval().count() > 0) {
            result = build(folder, bars, 0);
        }
        BuildSummary summary = result.summary();
        if (result.dataset().train().count() == 0) {
            throw new IOException("no usable melodies in " + folder + ": " + summary.files() + " MIDI file"
                    + (summary.files() == 1 ? "" : "s") + " read, none gave a " + bars + "-bar window ("
                    + describe(summary) + ")");
        }
        events.datasetReady(result.dataset().train().count(), result.dataset().eval().count(), result.problems());
        return result.dataset();
    }

    private DatasetBuilder.Result build(Path folder, int bars, double evalFraction) throws IOException {
        DatasetBuildOptions defaults = DatasetBuildOptions.defaults(bars);
        DatasetBuildOptions options = new DatasetBuildOptions(bars, defaults.gapBars(), defaults.maxSilentFraction(),
                evalFraction, defaults.minPitch(), defaults.maxPitch(), defaults.threads());
        return new DatasetBuilder(options).build(List.of(folder),
                (done, total) -> events.preparing("Reading MIDI files " + done + "/" + total + "…"));
    }

    /** "2 unreadable MIDI, 1 no usable windows; windows dropped: mostly silent 3" */
    private static String describe(BuildSummary summary) {
        String skipped = summary.skipped().isEmpty() ? "no file skipped" : "skipped: " + counts(summary.skipped());
        Map<String, Integer> dropped = summary.dropped().entrySet().stream().filter(e -> e.getValue() > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return dropped.isEmpty() ? skipped : skipped + "; windows dropped: " + counts(dropped);
    }

    private static String counts(Map<String, Integer> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }

    private TrainingOptions options(Path datasetFile) {
        return new TrainingOptions(request.resume() ? null : request.preset(),
                request.resume() ? null : request.configFile(), datasetFile, request.outputDir(), request.steps(),
                request.checkpointInterval(), request.evalInterval(), request.evalWindows(), 0L, request.resume());
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file: the system cleans its temp folder.
            }
        }
    }

    private final class Listener implements TrainingListener {

        @Override
        public void onProgress(TrainingProgress progress) {
            events.progress(progress);
        }

        @Override
        public void onEvaluation(EvaluationReport report) {
            events.evaluation(report);
        }

        @Override
        public void onCheckpoint(Path folder, long step) {
            events.checkpoint(folder, step);
        }

        @Override
        public boolean stopRequested() {
            return stopRequested;
        }
    }
}
