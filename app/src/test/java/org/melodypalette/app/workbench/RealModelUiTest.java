package org.melodypalette.app.workbench;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.melodypalette.app.workbench.model.ModelLoader;
import org.testfx.framework.junit5.Start;

/**
 * The end-to-end round trip (draw, undo, import, interpolate, slide, export) with the real model: the
 * bundled, trained {@code checkpoints/mel_2bar}, opened by the production loader. A trained model, because
 * with random weights the melody at some slider positions is silent, which no export can round-trip.
 */
class RealModelUiTest extends WorkbenchEndToEndUiTest {

    /** Surefire runs in the module folder; the checkpoints sit at the repository root. */
    private static final Path CHECKPOINT = WorkbenchOptions.bundledModel(Path.of("..").toAbsolutePath().normalize());

    /** TestFX looks for {@code @Start} on the test class itself only. */
    @Override
    @Start
    void start(Stage stage) {
        super.start(stage);
    }

    @Override
    ModelLoader loader() {
        return ignored -> ModelLoader.warmedUp(CHECKPOINT);
    }
}
