package org.melodypalette.app.workbench.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work inline on the calling thread: deterministic, for tests and headless tools. */
public final class DirectTaskRunner implements TaskRunner {

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
