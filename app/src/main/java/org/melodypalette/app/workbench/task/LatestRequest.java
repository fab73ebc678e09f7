package org.melodypalette.app.workbench.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Newest-request-wins scheduling for continuous gestures (dragging the interpolation slider or a
 * palette point): at most one request runs; while it runs, newer requests replace the single
 * pending one, so intermediate positions are skipped and the queue never grows.
 * Call only from the UI thread (the {@link TaskRunner} delivers results there).
 */
public final class LatestRequest<T> {

    private final TaskRunner runner;
    private final Consumer<? super T> onResult;
    private final Consumer<? super Exception> onFailure;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private Callable<T> pending;
    private boolean running;

    public LatestRequest(TaskRunner runner, Consumer<? super T> onResult, Consumer<? super Exception> onFailure) {
        this.runner = runner;
        this.onResult = onResult;
        this.onFailure = onFailure;
    }

    /** True while a request is running or waiting. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Asks for {@code work}; replaces any request that has not started yet. */
    public void submit(Callable<T> work) {
        pending = work;
        busy.set(true);
        if (!running) {
            startPending();
        }
    }

    private void startPending() {
        Callable<T> work = pending;
        pending = null;
        running = true;
        runner.run(work, result -> finish(() -> onResult.accept(result)), error -> finish(() -> onFailure.accept(error)));
    }

    private void finish(Runnable deliver) {
        running = false;
        // Show what was just computed even if a newer request waits: during a continuous drag this
        // keeps the view moving instead of freezing until the pointer stops.
        boolean newerWaiting = pending != null;
        if (!newerWaiting) {
            busy.set(false);
        }
        deliver.run();
        if (newerWaiting && !running) {
            startPending();
        }
    }
}
