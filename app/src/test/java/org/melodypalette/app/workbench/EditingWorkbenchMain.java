package org.melodypalette.app.workbench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.melodypalette.app.testing.FaultyFileSystem;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * The child process of {@code WorkbenchKillTest}: the real workbench (its {@link Workbench}, window
 * and autosave, as {@link WorkbenchApp} builds them, on a headless Monocle screen, without a model
 * or sound) restores the session from the autosave file, prints {@code restored N}, then edits the
 * clip forever on the JavaFX thread, one edit every {@code paceMillis}, printing {@code edit N}
 * after edit N. Edit N sets the clip to {@link #clipOf(long) clipOf(N)}, so the autosave file
 * tells which edit it holds.
 *
 * <p>Usage: {@code EditingWorkbenchMain AUTOSAVE_FILE HOME_DIR PACE_MILLIS [hold-autosave-halfway]}.
 * With {@code hold-autosave-halfway} the autosave goes through a {@link FaultyFileSystem} over the
 * same folder that stops the first autosave halfway through writing its temporary file, prints
 * {@code autosave half-written FILE} and waits there (a disk that stalls), so that the test can
 * kill the process in the middle of a write.
 */
public final class EditingWorkbenchMain {

    /** Pitches of the notes that carry an edit number, one base-48 digit each. */
    private static final int LOWEST = 36;
    private static final int BASE = 48;
    private static final int DIGITS = 3;
    private static final TimeGrid GRID = TimeGrid.SIXTEENTHS_4_4;

    private EditingWorkbenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path autosave = Path.of(args[0]);
        Path home = Path.of(args[1]);
        long paceMillis = Long.parseLong(args[2]);
        if (args.length > 3 && args[3].equals("hold-autosave-halfway")) {
            FaultyFileSystem stalling = new FaultyFileSystem();
            stalling.splitWrites(file -> {
                System.out.println("autosave half-written " + file);
                holdForever();
            });
            autosave = stalling.wrap(autosave);
        }
        Path autosaveFile = autosave;
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Workbench workbench = onFx(() -> {
            Workbench w = new Workbench(new Workbench.Dependencies(new DirectTaskRunner(), checkpoint -> {
                throw new IOException("no model in this test");
            }, Playback.disabled(), home, WorkbenchApp.AUTOSAVE_DELAY_MILLIS));
            WorkbenchView.show(w, new Stage(), 900, 600);
            w.start(new WorkbenchOptions(null, null, autosaveFile));
            return w;
        });
        long restored = onFx(() -> editOf(workbench.editor().getMelody()));
        System.out.println("restored " + restored);
        for (long edit = restored + 1; ; edit++) {
            Melody clip = clipOf(edit);
            onFx(() -> {
                workbench.editor().replaceMelody(clip);
                return null;
            });
            System.out.println("edit " + edit);
            Thread.sleep(paceMillis);
        }
    }

    /** A 2-bar clip whose first three notes spell {@code edit} in base 48 (lowest digit first). */
    public static Melody clipOf(long edit) {
        if (edit < 1 || edit >= (long) Math.pow(BASE, DIGITS)) {
            throw new IllegalArgumentException("edit " + edit + " is outside 1.." + ((long) Math.pow(BASE, DIGITS) - 1));
        }
        List<Note> notes = new ArrayList<>();
        long rest = edit;
        for (int i = 0; i < DIGITS; i++) {
            notes.add(Note.of(LOWEST + (int) (rest % BASE), 2 * i, 2 * i + 1));
            rest /= BASE;
        }
        return Melody.of(GRID, 2 * GRID.stepsPerBar(), notes);
    }

    /** The edit a clip of {@link #clipOf} holds; 0 for the empty clip a fresh workbench starts with. */
    public static long editOf(Melody clip) {
        if (clip.notes().isEmpty()) {
            return 0;
        }
        long edit = 0;
        for (int i = DIGITS - 1; i >= 0; i--) {
            edit = edit * BASE + clip.notes().get(i).pitch() - LOWEST;
        }
        return edit;
    }

    /** The stalled write: it ends when the test kills the process. */
    private static void holdForever() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                // Nobody interrupts the autosave thread; keep holding.
            }
        }
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}
