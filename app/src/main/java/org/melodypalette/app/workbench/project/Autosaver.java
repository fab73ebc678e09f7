package org.melodypalette.app.workbench.project;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.melodypalette.app.workbench.task.StatusLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the project a short moment after it last changed (so a drag of many edits is one write and
 * a crash loses at most about a second), on its own thread, atomically. {@link #flush()} writes the
 * latest state at once (on exit).
 */
public final class Autosaver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Autosaver.class);

    private final Path file;
    private final long delayMillis;
    private final Consumer<Exception> onFailure;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "melody-palette-autosave");
        thread.setDaemon(true);
        return thread;
    });
    private ProjectState latest;
    private ScheduledFuture<?> scheduled;

    public Autosaver(Path file, long delayMillis, Consumer<Exception> onFailure) {
        this.file = file;
        this.delayMillis = delayMillis;
        this.onFailure = onFailure;
    }

    public Path file() {
        return file;
    }

    /** Remembers {@code state} and writes it after the delay unless a newer one arrives. */
    public synchronized void request(ProjectState state) {
        latest = state;
        if (scheduled == null || scheduled.isDone()) {
            scheduled = timer.schedule(this::writeLatest, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Writes any pending state now, on the calling thread. */
    public void flush() {
        synchronized (this) {
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
        writeLatest();
    }

    /** Reads the autosaved project; a damaged one is moved aside (never deleted) and reported. */
    public ProjectState restore() throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return ProjectFiles.read(file);
        } catch (IOException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException moveFailed) {
                LOG.warn("cannot move damaged autosave aside", moveFailed);
            }
            throw new IOException(StatusLine.describe(e) + " — kept as " + aside.getFileName(), e);
        }
    }

    private void writeLatest() {
        ProjectState state;
        synchronized (this) {
            state = latest;
            latest = null;
        }
        if (state == null) {
            return;
        }
        try {
            ProjectFiles.write(file, state);
        } catch (IOException | RuntimeException e) {
            onFailure.accept(e);
        }
    }

    @Override
    public void close() {
        flush();
        timer.shutdownNow();
    }
}
