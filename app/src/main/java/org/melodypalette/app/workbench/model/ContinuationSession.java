package org.melodypalette.app.workbench.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.app.workbench.task.TaskRunner;
import org.melodypalette.model.api.MelodyContinuer;

/**
 * The continuation model the Continue tool uses, beside the MusicVAE of {@link ModelSession}. Like
 * that session, every call runs on the {@link TaskRunner} (the same worker thread in production), so
 * sampling never runs on the UI thread and never overlaps another model call.
 */
public final class ContinuationSession {

    /** Where the app looks for its continuation model: {@code <home>/checkpoints/continue_4bar}. */
    public static final String BUNDLED_FOLDER = "continue_4bar";

    /** What the Continue tool says while no continuation model is open. */
    public static final String NOT_INSTALLED = "No continuation model is installed (checkpoints/" + BUNDLED_FOLDER
            + " is missing): open one with “Open continuation model…”.";

    /** A unit of work against the open continuation model, run on the worker thread. */
    @FunctionalInterface
    public interface ContinuerCall<T> {
        T apply(MelodyContinuer continuer) throws Exception;
    }

    private final TaskRunner runner;
    private final StatusLine status;
    private final ReadOnlyObjectWrapper<Path> checkpoint = new ReadOnlyObjectWrapper<>(this, "checkpoint");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", NOT_INSTALLED);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private MelodyContinuer current;

    public ContinuationSession(TaskRunner runner, StatusLine status) {
        this.runner = runner;
        this.status = status;
    }

    /** The bundled continuation model's folder under {@code home} (it may not exist). */
    public static Path bundled(Path home) {
        return home.resolve("checkpoints").resolve(BUNDLED_FOLDER);
    }

    /** The folder of the open continuation model, or null. */
    public ReadOnlyObjectProperty<Path> checkpointProperty() {
        return checkpoint.getReadOnlyProperty();
    }

    /** One line about the open model ("continue_4bar_cpu, step 20000 · folder"), or {@link #NOT_INSTALLED}. */
    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public boolean hasModel() {
        return current != null;
    }

    /**
     * Opens the bundled model when it is there, quietly (the status line keeps the start's own message;
     * a failure is still reported); otherwise the session stays empty and says {@link #NOT_INSTALLED}.
     */
    public void openBundled(Path home) {
        Path dir = bundled(home);
        if (Files.isDirectory(dir)) {
            open(dir, () -> { }, false);
        }
    }

    /** Opens {@code dir} in the background; the old model stays usable until the new one is ready. */
    public void open(Path dir, Runnable onLoaded) {
        open(dir, onLoaded, true);
    }

    private void open(Path dir, Runnable onLoaded, boolean announce) {
        loading.set(true);
        runner.run(() -> MelodyContinuer.open(dir), loaded -> {
            MelodyContinuer old = current;
            current = loaded;
            checkpoint.set(dir);
            description.set(loaded.name() + ", step " + loaded.step() + " · " + dir.getFileName());
            loading.set(false);
            closeLater(old);
            if (announce) {
                status.info("Continuation model ready: " + description.get());
            }
            onLoaded.run();
        }, error -> {
            loading.set(false);
            status.failure("Cannot open continuation model " + dir, error);
        });
    }

    /**
     * Runs {@code call} against the open continuation model on the worker thread. Without a model,
     * fails at once with {@link #NOT_INSTALLED}.
     */
    public <T> void call(ContinuerCall<T> call, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        MelodyContinuer continuer = current;
        if (continuer == null) {
            onFailure.accept(new IllegalStateException(NOT_INSTALLED));
            return;
        }
        runner.run(() -> call.apply(continuer), onSuccess, onFailure);
    }

    /** Closes the open model on the worker thread. */
    public void close() {
        MelodyContinuer continuer = current;
        current = null;
        closeLater(continuer);
    }

    /** Queued behind any call still using {@code continuer} on the worker thread. */
    private void closeLater(MelodyContinuer continuer) {
        if (continuer != null) {
            runner.run(() -> {
                continuer.close();
                return null;
            }, ignored -> { }, error -> { });
        }
    }
}
