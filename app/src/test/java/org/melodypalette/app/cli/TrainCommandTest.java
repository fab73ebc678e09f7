package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.model.api.TrainingProgress;

/** What {@code palette train} prints: its own progress, checkpoint and evaluation lines, and nothing of DL4J's. */
class TrainCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsProgressCheckpointsAndEvaluationsAndNoGraphBuildingNoise() throws IOException {
        Path data = TinyDataset.write(dir.resolve("windows.mpwin"), 7);

        CliRun run = CliRun.of("train", "--preset", "tiny-test", "--data", data.toString(),
                "--out", dir.resolve("run").toString(), "--steps", "4", "--checkpoint-every", "2",
                "--eval-every", "4", "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("\rstep 4/4 ")
                .containsPattern("acc \\d\\.\\d{3}  lr ")
                .contains("checkpoint @2 -> ", "eval @4 ", "finished at step 4")
                .doesNotContain("Added differentiated op");
    }

    @Test
    void theProgressLineShowsTheShareOfSampledInputsOnlyUnderScheduledSampling() {
        TrainingProgress teacherForced = new TrainingProgress(120, 2000, 51.2, 20.5, 14.6, 73.1, 0.84, 5.9e-4,
                0.082, 7400, 3700, 0);
        TrainingProgress scheduled = new TrainingProgress(6000, 20000, 50.0, 27.6, 22.0, 65.3, 0.762, 5.7e-4,
                0.09, 8000, 18000, 0.2878);

        assertThat(TrainCommand.progressLine(teacherForced)).isEqualTo(
                "step 120/2000  51.2 seq/s  loss 20.500  recon 14.600  KL 73.10  acc 0.840  lr 5.90e-04  beta 0.082  ETA 1h01m   ");
        assertThat(TrainCommand.progressLine(scheduled)).contains("acc 0.762  sampled 29%  lr 5.70e-04");
    }
}
