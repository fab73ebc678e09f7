package org.melodypalette.app.workbench.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (every model call, file reads of checkpoints) off the UI thread and delivers the
 * outcome back on it. Production uses {@link BackgroundTaskRunner}: one worker thread, so calls to
 * one model are serialized; tests use {@link DirectTaskRunner}, which runs everything inline and
 * makes asynchronous view-model code deterministic (JabRef's CurrentThreadTaskExecutor pattern).
 */
public interface TaskRunner {

    /**
     * Runs {@code work} in the background; then exactly one of {@code onSuccess} or
     * {@code onFailure} is called on the UI thread.
     */
    <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure);

    /** Stops accepting work; pending work may be dropped. */
    default void shutdown() {
    }
}
