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
 * Saves the project a short moment after it changes (so a drag of many edits is one write and a
 * crash loses at most about a second), on its own thread, atomically. While edits keep coming, it
 * writes the latest state once per delay. {@link #flush()} writes the latest state at once (on exit).
 *
 * <p>Writes never overlap and each one takes the newest state when it starts, so a file on disk is
 * never replaced by an older state (a timed write and a flush racing each other). A state that could
 * not be written (disk full) is kept and written with the next request or flush, unless a newer one
 * replaces it.
 */
public final class Autosaver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Autosaver.class);

    private final Path file;
    private final long delayMillis;
    private final Consumer<Exception> onFailure;
    private final Runnable onSaved;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "melody-palette-autosave");
        thread.setDaemon(true);
        return thread;
    });
    /** Held for the whole of a write, so writes are one at a time. */
    private final Object writing = new Object();
    // Guarded by this:
    private ProjectState latest;
    private ScheduledFuture<?> scheduled;
    /** A timed write is scheduled and has not yet taken {@link #latest}. */
    private boolean writeScheduled;
    private boolean closed;

    public Autosaver(Path file, long delayMillis, Consumer<Exception> onFailure) {
        this(file, delayMillis, onFailure, () -> { });
    }

    /** {@code onSaved} runs (on the writing thread) after each write that succeeded, e.g. to clear a failure shown. */
    public Autosaver(Path file, long delayMillis, Consumer<Exception> onFailure, Runnable onSaved) {
        this.file = file;
        this.delayMillis = delayMillis;
        this.onFailure = onFailure;
        this.onSaved = onSaved;
    }

    public Path file() {
        return file;
    }

    /** Remembers {@code state} and writes it after the delay unless a newer one arrives first. */
    public synchronized void request(ProjectState state) {
        latest = state;
        // The flag, not the future's state: a write that has taken its state may still be running.
        if (!writeScheduled && !closed) {
            writeScheduled = true;
            scheduled = timer.schedule(this::writeLatest, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Writes any pending state now, on the calling thread (after a write in progress, if any). */
    public void flush() {
        synchronized (this) {
            if (scheduled != null) {
                scheduled.cancel(false);
            }
            writeScheduled = false;
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
        synchronized (writing) {
            ProjectState state;
            synchronized (this) {
                state = latest;
                latest = null;
                writeScheduled = false;
            }
            if (state == null) {
                return;
            }
            try {
                ProjectFiles.write(file, state);
                onSaved.run();
            } catch (IOException | RuntimeException e) {
                synchronized (this) {
                    if (latest == null) {
                        latest = state;
                    }
                }
                onFailure.accept(e);
            }
        }
    }

    /** Writes the pending state and stops the timer; a write in progress finishes first (never interrupted). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        flush();
        timer.shutdown();
    }
}
