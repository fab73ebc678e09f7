package org.melodypalette.app.workbench;

import javafx.application.Application;
import javafx.stage.Stage;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.task.BackgroundTaskRunner;

/**
 * The JavaFX application and composition root: builds the production parts (one model worker
 * thread, real playback, the model loader), the {@link Workbench} and its window. No logic here.
 */
public final class WorkbenchApp extends Application {

    /** How long after an edit the session is autosaved (edits within it are saved together). */
    public static final long AUTOSAVE_DELAY_MILLIS = 1000;

    /** Told when the window is shown and the workbench started (tools such as the screenshot tour). */
    @FunctionalInterface
    public interface Started {
        void started(Workbench workbench, WorkbenchView view, Stage stage);
    }

    private static volatile WorkbenchOptions options = WorkbenchOptions.defaults();
    private static volatile Started onStarted = (workbench, view, stage) -> { };

    private Workbench workbench;
    private WorkbenchView view;

    /** Opens the workbench window and returns when it is closed. */
    public static void launch(WorkbenchOptions startOptions) {
        launch(startOptions, (workbench, view, stage) -> { });
    }

    /** As {@link #launch(WorkbenchOptions)}, telling {@code started} once the workbench is up. */
    public static void launch(WorkbenchOptions startOptions, Started started) {
        options = startOptions == null ? WorkbenchOptions.defaults() : startOptions;
        onStarted = started;
        Application.launch(WorkbenchApp.class);
    }

    @Override
    public void start(Stage stage) {
        workbench = new Workbench(new Workbench.Dependencies(new BackgroundTaskRunner(), Models::open,
                Playback.open(), WorkbenchOptions.home(), AUTOSAVE_DELAY_MILLIS));
        // A bug in an event handler becomes a status message instead of a stack trace on stderr.
        Thread.currentThread().setUncaughtExceptionHandler(
                (thread, error) -> workbench.status().failure("Unexpected error (please report it)", error));
        view = WorkbenchView.show(workbench, stage, 1280, 860);
        workbench.start(options.withDemoOnFirstStart());
        onStarted.started(workbench, view, stage);
    }

    @Override
    public void stop() {
        if (view != null) {
            view.dispose();
        }
        if (workbench != null) {
            workbench.shutdown();
        }
    }
}
