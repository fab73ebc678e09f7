package org.melodypalette.app.workbench.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.task.TaskRunner;

/** A runner whose tasks wait until the test runs them one by one: makes "while busy" states observable. */
public final class ManualTaskRunner implements TaskRunner {

    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final DirectTaskRunner inline = new DirectTaskRunner();

    @Override
    public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<? super Exception> onFailure) {
        queue.add(() -> inline.run(work, onSuccess, onFailure));
    }

    public int pending() {
        return queue.size();
    }

    /** Runs the oldest waiting task (and its callback). */
    public void runNext() {
        queue.removeFirst().run();
    }

    public void runAll() {
        while (!queue.isEmpty()) {
            runNext();
        }
    }
}
