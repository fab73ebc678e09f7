package org.melodypalette.app.workbench;

import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.melodypalette.app.workbench.model.ModelLoader;
import org.melodypalette.testing.SharedData;
import org.testfx.framework.junit5.Start;

/**
 * The end-to-end round trip (draw, undo, import, interpolate, slide, export) with the real model:
 * magenta.js's mel_2bar_small shapes with random weights, opened by the production loader.
 */
class RealModelUiTest extends WorkbenchEndToEndUiTest {

    private static java.nio.file.Path checkpoint;

    @BeforeAll
    static void findCheckpoint() {
        checkpoint = SharedData.require("magenta/checkpoints/mel_2bar_small_random");
    }

    /** TestFX looks for {@code @Start} on the test class itself only. */
    @Override
    @Start
    void start(Stage stage) {
        super.start(stage);
    }

    @Override
    ModelLoader loader() {
        return ignored -> ModelLoader.warmedUp(checkpoint);
    }
}
