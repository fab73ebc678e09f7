package org.melodypalette.app.workbench.task;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production runner: a single daemon worker thread (so calls to one model never overlap) and
 * results handed back to the JavaFX application thread.
 */
public final class BackgroundTaskRunner implements TaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundTaskRunner.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "melody-palette-model");
        thread.setDaemon(true);
        return thread;
    });

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        try {
            worker.execute(() -> {
                try {
                    T result = work.call();
                    Platform.runLater(() -> onSuccess.accept(result));
                } catch (Exception e) {
                    LOG.debug("background task failed", e);
                    Platform.runLater(() -> onFailure.accept(e));
                } catch (Error e) {
                    // Out of memory in a model call must reach the user, not kill the worker silently.
                    LOG.error("background task failed", e);
                    Platform.runLater(() -> onFailure.accept(new RuntimeException(e.toString(), e)));
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("task dropped after shutdown");
        }
    }

    @Override
    public void shutdown() {
        worker.shutdownNow();
    }
}
