package org.melodypalette.app.workbench;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.model.ModelLoader;
import org.melodypalette.app.workbench.task.TaskRunner;

/** The real workbench window as the UI tests open it in their TestFX {@code @Start}: 1200×800, with sound. */
record TestWindow(Workbench workbench, WorkbenchView view) {

    /** The workbench on {@code runner} and {@code loader}, its home {@code home}, shown but not started. */
    static TestWindow show(Stage stage, TaskRunner runner, ModelLoader loader, Path home) {
        Workbench workbench = new Workbench(new Workbench.Dependencies(runner, loader, Playback.open(), home, 50));
        return new TestWindow(workbench, WorkbenchView.show(workbench, stage, 1200, 800));
    }

    /** As {@link #show}, started on the model in {@code model} with an autosave file no other test uses. */
    static TestWindow open(Stage stage, TaskRunner runner, ModelLoader loader, Path home, Path model) {
        TestWindow window = show(stage, runner, loader, home);
        window.workbench().start(new WorkbenchOptions(model, null,
                home.resolve("autosave-" + System.nanoTime() + ".json")));
        return window;
    }
}
