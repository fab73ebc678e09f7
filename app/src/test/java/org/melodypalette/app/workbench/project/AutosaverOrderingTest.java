package org.melodypalette.app.workbench.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.testing.FaultyFileSystem;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * The autosave's guarantees when writes take time: an edit made while a write is in progress is
 * written without waiting for another edit, the newest state is the one left on disk when a timed
 * write and a flush meet, closing never interrupts a write, and a state that could not be written
 * (disk full) is written by the next flush. A write is held in progress by {@link FaultyFileSystem}'s
 * hook; the tests wait on states and threads, never on time (timeouts only guard against hangs).
 */
class AutosaverOrderingTest {

    private static final long GUARD_SECONDS = 30;

    @TempDir
    Path realDir;

    private final FaultyFileSystem disk = new FaultyFileSystem();
    private final List<Exception> failures = new CopyOnWriteArrayList<>();
    private final CountDownLatch writeStarted = new CountDownLatch(1);
    private final CountDownLatch releaseWrite = new CountDownLatch(1);
    private Autosaver saver;

    private static ProjectState state(int pitch) {
        return new ProjectState(Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(pitch, 0, 4))), null, null,
                null, null, ProjectSettings.DEFAULTS);
    }

    private Path file() {
        return disk.wrap(realDir).resolve("autosave.json");
    }

    /** Holds the first write (when its temporary file is opened) until {@link #releaseWrite}. */
    private void holdTheFirstWrite() {
        AtomicBoolean first = new AtomicBoolean(true);
        disk.beforeOpeningForWrite(path -> {
            if (first.getAndSet(false)) {
                writeStarted.countDown();
                awaitUninterruptibly(releaseWrite);
            }
        });
    }

    @AfterEach
    void release() {
        releaseWrite.countDown();
        if (saver != null) {
            saver.close();
        }
    }

    @Test
    void anEditMadeWhileAWriteIsInProgressIsWrittenWithoutAnotherEdit() throws Exception {
        holdTheFirstWrite();
        saver = new Autosaver(file(), 1, failures::add);
        saver.request(state(60));
        assertThat(writeStarted.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();

        saver.request(state(62));
        releaseWrite.countDown();

        awaitFileHolds(state(62));
        assertThat(failures).isEmpty();
    }

    @Test
    void whenATimedWriteAndAFlushMeetTheNewestStateStaysOnDisk() throws Exception {
        holdTheFirstWrite();
        CountDownLatch twoWritesLanded = new CountDownLatch(2);
        disk.afterMoving(target -> twoWritesLanded.countDown());
        saver = new Autosaver(file(), 1, failures::add);
        saver.request(state(60));
        assertThat(writeStarted.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        saver.request(state(62));

        Thread flush = new Thread(saver::flush, "flush");
        flush.start();
        awaitBlockedOrDone(flush);
        releaseWrite.countDown();

        assertThat(twoWritesLanded.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
        flush.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));
        assertThat(flush.isAlive()).isFalse();
        assertThat(ProjectFiles.read(file())).isEqualTo(state(62));
        assertThat(failures).isEmpty();
    }

    @Test
    void closingWaitsForAWriteInProgressInsteadOfInterruptingIt() throws Exception {
        holdTheFirstWrite();
        saver = new Autosaver(file(), 1, failures::add);
        saver.request(state(60));
        assertThat(writeStarted.await(GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();

        Thread close = new Thread(saver::close, "close");
        close.start();
        awaitBlockedOrDone(close);
        releaseWrite.countDown();
        close.join(TimeUnit.SECONDS.toMillis(GUARD_SECONDS));

        assertThat(close.isAlive()).isFalse();
        assertThat(failures).isEmpty();
        assertThat(ProjectFiles.read(file())).isEqualTo(state(60));
    }

    @Test
    void aStateThatCouldNotBeWrittenIsWrittenByTheNextFlush() throws IOException {
        saver = new Autosaver(file(), 3_600_000, failures::add);
        disk.setFreeBytes(0);
        saver.request(state(60));
        saver.flush();
        assertThat(failures).singleElement().extracting(Exception::getMessage)
                .isEqualTo("cannot write " + file() + ": " + FaultyFileSystem.DISK_FULL);
        assertThat(Files.exists(file())).isFalse();

        disk.setFreeBytes(Long.MAX_VALUE);
        saver.flush();

        assertThat(ProjectFiles.read(file())).isEqualTo(state(60));
    }

    private void awaitFileHolds(ProjectState expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (!holds(expected)) {
            assertThat(System.nanoTime()).as("autosave file never held the last edit").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private boolean holds(ProjectState expected) {
        try {
            return Files.exists(file()) && ProjectFiles.read(file()).equals(expected);
        } catch (IOException e) {
            throw new AssertionError("the autosave file was unreadable: " + e.getMessage(), e);
        }
    }

    /** Waits until {@code thread} waits for a lock or the held write, or has finished. */
    private static void awaitBlockedOrDone(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (true) {
            Thread.State state = thread.getState();
            if (state == Thread.State.BLOCKED || state == Thread.State.WAITING || state == Thread.State.TERMINATED) {
                return;
            }
            assertThat(System.nanoTime()).as("%s neither blocked nor finished", thread.getName()).isLessThan(deadline);
            Thread.sleep(1);
        }
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
