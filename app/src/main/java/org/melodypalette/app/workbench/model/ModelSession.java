package org.melodypalette.app.workbench.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.app.workbench.task.TaskRunner;
import org.melodypalette.model.api.MelodyContinuer;
import org.melodypalette.model.api.ModelInfo;

/**
 * The model the workbench is using. Every call to it goes through the {@link TaskRunner} (one
 * worker thread in production), so the UI never waits on the network and calls never overlap.
 */
public final class ModelSession {

    /** Shown wherever a model is needed and none is open. */
    public static final String NO_MODEL = "No model loaded — Model ▸ Open checkpoint…";

    /** A unit of work against the open model, run on the worker thread. */
    @FunctionalInterface
    public interface ModelCall<T> {
        T apply(LoadedModel model) throws Exception;
    }

    private final TaskRunner runner;
    private final ModelLoader loader;
    private final StatusLine status;
    private final ReadOnlyObjectWrapper<ModelInfo> info = new ReadOnlyObjectWrapper<>(this, "info");
    private final ReadOnlyObjectWrapper<ModelDescription> description =
            new ReadOnlyObjectWrapper<>(this, "description");
    private final ReadOnlyObjectWrapper<Path> checkpoint = new ReadOnlyObjectWrapper<>(this, "checkpoint");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private LoadedModel current;

    public ModelSession(TaskRunner runner, ModelLoader loader, StatusLine status) {
        this.runner = runner;
        this.loader = loader;
        this.status = status;
    }

    /** Info of the open model, or null. */
    public ReadOnlyObjectProperty<ModelInfo> infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** The open model as a composer reads it ("2-bar melodies · trained on …"), or null. */
    public ReadOnlyObjectProperty<ModelDescription> descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    /** The folder of the open model, or null. */
    public ReadOnlyObjectProperty<Path> checkpointProperty() {
        return checkpoint.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public boolean hasModel() {
        return current != null;
    }

    /** Opens {@code dir} in the background; the old model stays usable until the new one is ready. */
    public void open(Path dir, Runnable onLoaded) {
        loading.set(true);
        status.info("Opening model " + dir.getFileName() + "…");
        runner.run(() -> new LoadedModel(loader.open(dir), dir), loaded -> {
            LoadedModel old = current;
            current = loaded;
            // The folder first: whoever listens to the info (the Model tab) also shows the folder.
            checkpoint.set(dir);
            description.set(loaded.description());
            info.set(loaded.info());
            loading.set(false);
            if (old != null) {
                // Queued behind any call still using the old model on the same worker thread.
                runner.run(() -> {
                    old.close();
                    return null;
                }, ignored -> { }, error -> { });
            }
            status.info("Model ready: " + loaded.description().text());
            onLoaded.run();
        }, error -> {
            loading.set(false);
            status.failure("Cannot open model " + dir, error);
        });
    }

    /**
     * Runs {@code call} against the open model on the worker thread. Without a model, fails at once
     * with {@link #NO_MODEL}.
     */
    public <T> void call(ModelCall<T> call, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        if (current == null) {
            onFailure.accept(new IllegalStateException(NO_MODEL));
            return;
        }
        runner.run(bind(call), onSuccess, onFailure);
    }

    /**
     * {@code call} bound to the model open now, as work for a {@link TaskRunner} (for callers that
     * schedule it themselves, like {@link org.melodypalette.app.workbench.task.LatestRequest}).
     */
    public <T> Callable<T> bind(ModelCall<T> call) {
        LoadedModel model = current;
        return () -> {
            if (model == null) {
                throw new IllegalStateException(NO_MODEL);
            }
            return call.apply(model);
        };
    }

    /**
     * MusicVAE checkpoint folders under {@code <home>/checkpoints} (each has a config.json); continuation
     * models, which the Continue tool opens, are left out.
     */
    public static List<Path> bundledModels(Path home) {
        Path dir = home.resolve("checkpoints");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("config.json")))
                    .filter(p -> !MelodyContinuer.isContinuation(p)).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Closes the open model on the worker thread. */
    public void close() {
        LoadedModel model = current;
        current = null;
        if (model != null) {
            runner.run(() -> {
                model.close();
                return null;
            }, ignored -> { }, error -> { });
        }
    }
}
