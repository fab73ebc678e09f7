package org.melodypalette.app.workbench;

import javafx.application.Application;
import javafx.stage.Stage;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.model.ModelLoader;
import org.melodypalette.app.workbench.task.BackgroundTaskRunner;

/**
 * The JavaFX application and composition root: builds the production parts (one model worker
 * thread, real playback, the model loader), the {@link Workbench} and its window. No logic here.
 */
public final class WorkbenchApp extends Application {

    /** How long after an edit the session is autosaved (edits within it are saved together). */
    public static final long AUTOSAVE_DELAY_MILLIS = 1000;

    private static volatile WorkbenchOptions options = WorkbenchOptions.defaults();

    private Workbench workbench;
    private WorkbenchView view;

    /** Opens the workbench window and returns when it is closed. */
    public static void launch(WorkbenchOptions startOptions) {
        options = startOptions == null ? WorkbenchOptions.defaults() : startOptions;
        Application.launch(WorkbenchApp.class);
    }

    @Override
    public void start(Stage stage) {
        workbench = new Workbench(new Workbench.Dependencies(new BackgroundTaskRunner(), ModelLoader::warmedUp,
                Playback.open(), WorkbenchOptions.home(), AUTOSAVE_DELAY_MILLIS));
        // A bug in an event handler becomes a status message instead of a stack trace on stderr.
        Thread.currentThread().setUncaughtExceptionHandler(
                (thread, error) -> workbench.status().failure("Unexpected error (please report it)", error));
        view = WorkbenchView.show(workbench, stage, 1280, 860);
        workbench.start(options.withDemoOnFirstStart());
        ScreenshotTour.startIfRequested(workbench, view, stage.getScene());
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
