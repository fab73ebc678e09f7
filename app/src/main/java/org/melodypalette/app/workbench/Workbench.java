package org.melodypalette.app.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import org.melodypalette.app.workbench.audio.AudioExport;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.audio.TransportViewModel;
import org.melodypalette.app.workbench.continuation.ContinuationViewModel;
import org.melodypalette.app.workbench.editor.EditorViewModel;
import org.melodypalette.app.workbench.editor.MusicalKey;
import org.melodypalette.app.workbench.editor.Scale;
import org.melodypalette.app.workbench.latent.GenerateViewModel;
import org.melodypalette.app.workbench.latent.InterpolationViewModel;
import org.melodypalette.app.workbench.latent.PaletteViewModel;
import org.melodypalette.app.workbench.lane.Arrangement;
import org.melodypalette.app.workbench.lane.LaneViewModel;
import org.melodypalette.app.workbench.live.LiveMidi;
import org.melodypalette.app.workbench.model.ContinuationSession;
import org.melodypalette.app.workbench.model.ModelLoader;
import org.melodypalette.app.workbench.model.ModelSession;
import org.melodypalette.app.workbench.project.Autosaver;
import org.melodypalette.app.workbench.project.DemoProject;
import org.melodypalette.app.workbench.project.ProjectFiles;
import org.melodypalette.app.workbench.project.ProjectSettings;
import org.melodypalette.app.workbench.project.ProjectState;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.app.workbench.task.TaskRunner;
import org.melodypalette.app.workbench.train.TrainingViewModel;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.music.Melody;

/**
 * The workbench's state without its window: all view models, the model session, playback and the
 * project (autosave, open, save). The window ({@link WorkbenchView}) is built on top of it, and
 * tests build it with a direct task runner.
 */
public final class Workbench {

    /** What the workbench needs from the outside world. */
    public record Dependencies(TaskRunner runner, ModelLoader loader, Playback playback, Path home,
                               long autosaveDelayMillis) {
    }

    /** What a first start says once the demo project and the model are ready. */
    public static final String WELCOME = "Welcome! A and B hold two demo tunes: drag the slider to blend them,"
            + " ▶ plays. Draw in the roll, import MIDI (Ctrl+I) or Generate ▸ Sample.";

    private final StatusLine status = new StatusLine();
    private final Dependencies deps;
    private final ModelSession session;
    private final EditorViewModel editor = new EditorViewModel();
    private final TransportViewModel transport;
    private final InterpolationViewModel interpolation;
    private final PaletteViewModel palette;
    private final GenerateViewModel generate;
    private final AudioExport audioExport;
    private final LaneViewModel lane;
    private final LiveMidi live;
    private final TrainingViewModel training;
    private final ContinuationSession continuationSession;
    private final ContinuationViewModel continuation;
    private final DoubleProperty rowHeight = new SimpleDoubleProperty(this, "rowHeight", 12);
    private final ReadOnlyObjectWrapper<Path> projectFile = new ReadOnlyObjectWrapper<>(this, "projectFile");
    /** How the status line starts an autosave failure; a later successful autosave clears it. */
    static final String AUTOSAVE_FAILED = "Autosave failed";
    private Autosaver autosaver;
    private boolean restoring;

    public Workbench(Dependencies deps) {
        this.deps = deps;
        this.session = new ModelSession(deps.runner(), deps.loader(), status);
        this.transport = new TransportViewModel(deps.playback(), status);
        this.interpolation = new InterpolationViewModel(session, deps.runner(), status);
        this.palette = new PaletteViewModel(session, deps.runner(), status);
        this.generate = new GenerateViewModel(session, status, System.nanoTime());
        this.lane = new LaneViewModel(transport, status);
        this.live = new LiveMidi(editor, deps.playback(), status);
        this.audioExport = new AudioExport(deps.runner(), status, () -> transport.soundfontProperty().get());
        this.continuationSession = new ContinuationSession(deps.runner(), status);
        this.continuation = new ContinuationViewModel(continuationSession, editor, status, 1);
        this.training = new TrainingViewModel(Workbench::onUiThread, status, this::openModel,
                TrainingViewModel.defaultModelsFolder());
        linkTempoToClip();
    }

    // Accessors for the views

    public StatusLine status() {
        return status;
    }

    public ModelSession session() {
        return session;
    }

    public EditorViewModel editor() {
        return editor;
    }

    public TransportViewModel transport() {
        return transport;
    }

    public InterpolationViewModel interpolation() {
        return interpolation;
    }

    public PaletteViewModel palette() {
        return palette;
    }

    public GenerateViewModel generate() {
        return generate;
    }

    /** MIDI input (recording into the clip) and output (where playback goes). */
    public LiveMidi live() {
        return live;
    }

    /** The arrangement lane under the editor. */
    public LaneViewModel lane() {
        return lane;
    }

    /** WAV export of clips, in the background. */
    public AudioExport audioExport() {
        return audioExport;
    }

    /** Training a model on a MIDI folder. */
    public TrainingViewModel training() {
        return training;
    }

    /** The Continue tool: candidates for the next bars of the editor's clip. */
    public ContinuationViewModel continuation() {
        return continuation;
    }

    public DoubleProperty rowHeightProperty() {
        return rowHeight;
    }

    /** The project file Save writes to (null until saved or opened). */
    public ReadOnlyObjectProperty<Path> projectFileProperty() {
        return projectFile.getReadOnlyProperty();
    }

    public Path home() {
        return deps.home();
    }

    /** Where slow work (model calls, reading MIDI files) runs, off the UI thread. */
    public TaskRunner runner() {
        return deps.runner();
    }

    // Lifecycle

    /** Restores the project (file or autosave), opens the model, and starts autosaving. */
    public void start(WorkbenchOptions options) {
        autosaver = new Autosaver(options.effectiveAutosaveFile(), deps.autosaveDelayMillis(),
                error -> onUiThread(() -> status.failure(AUTOSAVE_FAILED, error)),
                () -> onUiThread(() -> status.resolved(AUTOSAVE_FAILED, "Autosaved again")));
        ProjectState restored = null;
        boolean firstStart = options.demoOnFirstStart() && options.projectFile() == null
                && !Files.exists(options.effectiveAutosaveFile());
        if (options.projectFile() != null) {
            restored = readProject(options.projectFile());
            if (restored != null) {
                projectFile.set(options.projectFile());
            }
        } else {
            try {
                restored = autosaver.restore();
            } catch (IOException e) {
                status.failure("The last session could not be restored", e);
            }
        }
        if (restored == null && firstStart) {
            apply(DemoProject.state());
        }
        if (restored != null) {
            apply(restored);
        }
        Path model = chooseModel(options.checkpoint(), restored);
        Runnable welcome = () -> status.info(WELCOME + (session.hasModel() ? "" : " " + ModelSession.NO_MODEL));
        if (model != null) {
            session.open(model, firstStart && restored == null ? () -> {
                modelChanged();
                // The welcome replaces "Interpolated …" once the strip is there (the model works in the background).
                interpolation.stripProperty().addListener(new javafx.beans.InvalidationListener() {
                    @Override
                    public void invalidated(Observable strip) {
                        strip.removeListener(this);
                        welcome.run();
                    }
                });
                interpolation.interpolate();
            } : this::modelChanged);
        } else if (firstStart && restored == null) {
            welcome.run();
        } else if (!status.errorProperty().get()) {
            status.info(ModelSession.NO_MODEL);
        }
        continuationSession.openBundled(deps.home());
        watchForChanges();
    }

    /**
     * Stops a training run (after its checkpoint), writes the session to the autosave file now and
     * releases playback and the model.
     */
    public void shutdown() {
        training.shutdown();
        transport.stop();
        live.close();
        if (autosaver != null) {
            autosaver.request(snapshot());
            autosaver.close();
        }
        session.close();
        continuationSession.close();
        deps.runner().shutdown();
        deps.playback().close();
    }

    // Commands: project

    public void newClip() {
        editor.replaceMelody(Melody.silent(editor.getMelody().grid(), editor.getMelody().lengthSteps()));
        status.info("New clip (Undo brings the old one back)");
    }

    public void openProject(Path file) {
        ProjectState state = readProject(file);
        if (state != null) {
            apply(state);
            projectFile.set(file);
            Path model = state.checkpoint() == null ? null : Path.of(state.checkpoint());
            if (model != null && Files.isDirectory(model) && !model.equals(session.checkpointProperty().get())) {
                session.open(model, this::modelChanged);
            }
            status.info("Opened project " + file.getFileName());
        }
    }

    public void saveProject(Path file) {
        try {
            ProjectFiles.write(file, snapshot());
            projectFile.set(file);
            status.info("Saved project " + file.getFileName());
        } catch (IOException | RuntimeException e) {
            status.failure("Cannot save the project", e);
        }
    }

    /** Edit ▸ Duplicate: copies the selection after itself, or says why nothing was copied. */
    public void duplicateSelection() {
        int selected = editor.getSelection().size();
        if (selected == 0) {
            status.failure("Nothing is selected to duplicate: click a note, drag a box around notes or press Ctrl+A");
            return;
        }
        int copied = editor.duplicateSelection();
        int bars = editor.getMelody().bars();
        if (copied == 0) {
            status.failure("No room to duplicate: the copy would start after the end of the " + bars
                    + "-bar clip. Make the clip longer (Bars) or select fewer notes");
        } else if (copied < selected) {
            status.info("Duplicated " + copied + " of " + plural(selected, "note") + "; the others would start after"
                    + " the end of the " + bars + "-bar clip");
        } else {
            status.info("Duplicated " + plural(copied, "note"));
        }
    }

    public void openModel(Path dir) {
        session.open(dir, this::modelChanged);
    }

    /** Bundled model folders under {@code <home>/checkpoints}. */
    public List<Path> bundledModels() {
        return ModelSession.bundledModels(deps.home());
    }

    // Project state

    public ProjectState snapshot() {
        MusicalKey key = editor.keyProperty().get();
        ProjectSettings settings = new ProjectSettings(transport.tempoProperty().get(), transport.loopProperty().get(),
                key.root(), key.scale().name(), editor.snapToScaleProperty().get(),
                interpolation.modeProperty().get().name(), interpolation.stepsProperty().get(),
                generate.temperatureProperty().get(), generate.topPProperty().get(),
                editor.viewBarsProperty().get(), rowHeight.get());
        Path model = session.checkpointProperty().get();
        return new ProjectState(editor.getMelody(), interpolation.slotAProperty().get(),
                interpolation.slotBProperty().get(), palette.cornersProperty().get(),
                model == null ? null : model.toAbsolutePath().toString(), settings, lane.getArrangement().clips());
    }

    public void apply(ProjectState state) {
        restoring = true;
        try {
            ProjectSettings saved = state.settings();
            editor.load(state.clip().withGrid(state.clip().grid().withTempo(saved.tempo())));
            interpolation.restoreSlots(state.slotA(), state.slotB());
            for (int i = 0; i < PaletteViewModel.CORNERS; i++) {
                palette.setCorner(i, state.corners().get(i));
            }
            ProjectSettings s = state.settings();
            transport.tempoProperty().set(s.tempo());
            transport.loopProperty().set(s.loop());
            editor.keyProperty().set(new MusicalKey(s.keyRoot(), enumOr(Scale.class, s.scale(), Scale.MAJOR)));
            editor.snapToScaleProperty().set(s.snapToScale());
            interpolation.modeProperty().set(enumOr(Interpolation.class, s.interpolation(), Interpolation.SLERP));
            interpolation.stepsProperty().set(s.interpolationSteps());
            generate.temperatureProperty().set(s.temperature());
            generate.topPProperty().set(s.topP());
            editor.viewBarsProperty().set(Math.min(s.viewBars(), Math.max(1, state.clip().bars())));
            rowHeight.set(s.rowHeight());
            lane.load(laneOf(state));
        } finally {
            restoring = false;
        }
    }

    // Internals

    private ProjectState readProject(Path file) {
        try {
            return ProjectFiles.read(file);
        } catch (IOException | RuntimeException e) {
            status.failure("Cannot open the project", e);
            return null;
        }
    }

    /** The saved lane, or an empty one (with a message) when its clips cannot share one lane. */
    private Arrangement laneOf(ProjectState state) {
        try {
            return new Arrangement(state.lane());
        } catch (IllegalArgumentException e) {
            status.failure("The project's lane was left empty: " + e.getMessage());
            return Arrangement.EMPTY;
        }
    }

    private Path chooseModel(Path requested, ProjectState restored) {
        if (requested != null) {
            return requested;
        }
        if (restored != null && restored.checkpoint() != null && Files.isDirectory(Path.of(restored.checkpoint()))) {
            return Path.of(restored.checkpoint());
        }
        Path bundled = WorkbenchOptions.bundledModel(deps.home());
        return Files.isDirectory(bundled) ? bundled : null;
    }

    private void modelChanged() {
        interpolation.decodeSliderPosition();
        autosaveSoon();
    }

    /**
     * The transport's tempo and the clip's tempo are one value: setting the tempo is an undoable
     * edit of the clip, and a clip that arrives or comes back (import, Undo, Redo) brings its tempo.
     */
    private void linkTempoToClip() {
        transport.tempoProperty().addListener((obs, old, now) -> {
            if (!restoring) {
                editor.setTempo(now.doubleValue());
            }
        });
        editor.melodyProperty().addListener((obs, old, now) -> {
            if (now.grid().qpm() != transport.tempoProperty().get()) {
                transport.tempoProperty().set(now.grid().qpm());
            }
        });
    }

    private void watchForChanges() {
        Observable[] watched = {editor.melodyProperty(), interpolation.slotAProperty(), interpolation.slotBProperty(),
            palette.cornersProperty(), session.checkpointProperty(), transport.tempoProperty(),
            transport.loopProperty(), editor.keyProperty(), editor.snapToScaleProperty(),
            interpolation.modeProperty(), interpolation.stepsProperty(), generate.temperatureProperty(),
            generate.topPProperty(), editor.viewBarsProperty(), rowHeight, lane.arrangementProperty()};
        for (Observable o : watched) {
            o.addListener(x -> autosaveSoon());
        }
    }

    private void autosaveSoon() {
        if (!restoring && autosaver != null) {
            autosaver.request(snapshot());
        }
    }

    /** Runs on the JavaFX thread, or inline when there is no toolkit (headless tools and tests). */
    private static void onUiThread(Runnable action) {
        try {
            javafx.application.Platform.runLater(action);
        } catch (IllegalStateException noToolkit) {
            action.run();
        }
    }

    private static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static <E extends Enum<E>> E enumOr(Class<E> type, String name, E fallback) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return fallback;
        }
    }
}
