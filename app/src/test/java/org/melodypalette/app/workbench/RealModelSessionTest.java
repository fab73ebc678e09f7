package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.model.ModelLoader;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.testing.SharedData;

/** The workbench's model features with the real checkpoints from the shared folder (no window). */
class RealModelSessionTest {

    @TempDir
    Path dir;

    private Workbench open(Path checkpoint) {
        Workbench workbench = new Workbench(new Workbench.Dependencies(new DirectTaskRunner(), ModelLoader::warmedUp,
                Playback.disabled(), dir, 10));
        workbench.start(new WorkbenchOptions(checkpoint, null, dir.resolve("autosave.json")));
        return workbench;
    }

    private static Melody clip(int bars, int base) {
        int steps = bars * 16;
        List<Note> notes = new java.util.ArrayList<>();
        for (int start = 0; start < steps; start += 4) {
            notes.add(Note.of(base + (start / 4) % 5 * 2, start, start + 3));
        }
        return Melody.of(org.melodypalette.music.TimeGrid.SIXTEENTHS_4_4, steps, notes);
    }

    @Test
    void aHierarchical16BarModelInterpolatesSamplesAndBlendsWholeClips() {
        Workbench workbench = open(SharedData.require("magenta/checkpoints/mel_16bar_hier_random_q2"));
        assertThat(workbench.session().infoProperty().get().bars()).isEqualTo(16);

        workbench.interpolation().setSlotA(clip(16, 60));
        workbench.interpolation().setSlotB(clip(16, 67));
        workbench.interpolation().stepsProperty().set(3);
        workbench.interpolation().interpolate();
        workbench.generate().countProperty().set(2);
        workbench.generate().sample();

        assertThat(workbench.status().errorProperty().get()).as(workbench.status().getMessage()).isFalse();
        assertThat(workbench.interpolation().stripProperty().get()).hasSize(3)
                .allSatisfy(m -> assertThat(m.lengthSteps()).isEqualTo(256));
        assertThat(workbench.interpolation().sliderMelodyProperty().get().lengthSteps()).isEqualTo(256);
        assertThat(workbench.generate().resultsProperty().get()).hasSize(2);

        Melody middle = workbench.interpolation().stripProperty().get().get(1);
        workbench.editor().replaceMelody(middle);
        assertThat(workbench.editor().barsProperty().get()).isEqualTo(16);
        workbench.shutdown();
    }

    @Test
    void aFolderThatIsNotACheckpointIsAClearMessageAndNoModel() throws IOException {
        Path notAModel = Files.createDirectories(dir.resolve("holiday-photos"));

        Workbench workbench = open(notAModel);

        assertThat(workbench.session().hasModel()).isFalse();
        assertThat(workbench.status().errorProperty().get()).isTrue();
        assertThat(workbench.status().getMessage()).startsWith("Cannot open model ").contains("holiday-photos")
                .doesNotContain("Exception:");
        workbench.shutdown();
    }
}
