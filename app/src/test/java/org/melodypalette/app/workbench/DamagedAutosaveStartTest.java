package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.testing.FakeMelodyGenerator;

/**
 * An autosave the workbench cannot use never stops it from starting. Before the project reader
 * checked the model path, an autosave whose checkpoint held a NUL character read fine and then
 * threw {@code InvalidPathException} from {@link Workbench#start} on every launch.
 */
class DamagedAutosaveStartTest {

    @TempDir
    Path dir;

    @Test
    void anAutosaveWithAnImpossibleModelPathIsSetAsideAndTheWorkbenchStarts() throws IOException {
        Path autosave = dir.resolve("autosave.json");
        Files.writeString(autosave, "{\"format\": 1, \"clip\": {\"stepsPerQuarter\": 4, \"beatsPerBar\": 4,"
                + " \"beatUnit\": 4, \"qpm\": 120, \"lengthSteps\": 32, \"notes\": [[60, 100, 0, 4]]},"
                + " \"checkpoint\": \"/models/mel\\u00002bar\"}");
        Workbench workbench = new Workbench(new Workbench.Dependencies(new DirectTaskRunner(),
                checkpoint -> new FakeMelodyGenerator(), Playback.disabled(), dir, 3_600_000));

        workbench.start(new WorkbenchOptions(null, null, autosave));

        assertThat(workbench.status().getMessage()).startsWith("The last session could not be restored: project "
                + autosave + " cannot be read: checkpoint is not a usable folder path (Nul character not allowed)"
                + " — kept as autosave.json.damaged-");
        assertThat(workbench.editor().getMelody().notes()).isEmpty();
        workbench.shutdown();
    }
}
