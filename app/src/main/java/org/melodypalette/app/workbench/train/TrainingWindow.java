package org.melodypalette.app.workbench.train;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The "Train on a MIDI folder" window: one per workbench, created on first use. Closing it only
 * hides it; a run goes on and the window shows it again when reopened.
 */
public final class TrainingWindow {

    public static final String TITLE = "Train on a MIDI folder";

    private final TrainingViewModel model;
    private final String stylesheet;
    private Stage stage;
    private TrainingPane pane;

    public TrainingWindow(TrainingViewModel model, String stylesheet) {
        this.model = model;
        this.stylesheet = stylesheet;
    }

    /** Shows the window (above {@code owner}), building it the first time. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            if (owner != null) {
                stage.initOwner(owner);
            }
            stage.setTitle(TITLE);
            pane = new TrainingPane(model, () -> stage);
            Scene scene = new Scene(pane, 780, 760);
            if (stylesheet != null) {
                scene.getStylesheets().add(stylesheet);
            }
            stage.setScene(scene);
        }
        stage.show();
        stage.toFront();
    }

    /** The window's content once shown, else null. */
    public TrainingPane pane() {
        return pane;
    }

    public Stage stage() {
        return stage;
    }
}
