package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.tokenizer.MelodyTokenizer;

/** {@code palette train --preset continue_tiny}, {@code palette continue} and {@code palette continue-eval} end to end. */
class ContinueCommandTest {

    @TempDir
    static Path dir;
    static Path data;
    static Path checkpoint;
    static Path primer;
    static CliRun training;

    @BeforeAll
    static void trainATinyContinuationModel() throws IOException {
        data = TinyDataset.writeSixteenths(dir.resolve("windows.mpwin"), 3);
        checkpoint = dir.resolve("continue");
        training = CliRun.of("train", "--preset", "continue_tiny", "--data", data.toString(), "--out",
                checkpoint.toString(), "--steps", "30", "--eval-every", "30", "--threads", "1");
        primer = dir.resolve("primer.mid");
        MidiFiles.write(primer, Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(60, 0, 4), Note.of(62, 4, 8),
                Note.of(64, 8, 14), Note.of(65, 16, 20), Note.of(67, 20, 30))), MidiExport.DEFAULT);
    }

    @Test
    void trainingAContinuePresetReportsTheModelBesideTheBigram() {
        assertThat(training.exitCode()).as(training.err()).isZero();
        assertThat(training.out()).contains("\rstep 30/30 ", " nats/step  acc ", "bigram", "margin", "finished at step 30")
                .doesNotContain("KL");
        assertThat(checkpoint.resolve("config.json")).content().contains("\"type\" : \"continuation\"");
    }

    @Test
    void writesKDistinctContinuationsThatStartExactlyWithThePrimer() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("continue", "--checkpoint", checkpoint.toString(), "--bars", "2", "--n", "3",
                "--temperature", "1.5", "--seed", "4", "--out", out.toString(), primer.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        MelodyTokenizer tokenizer = MelodyTokenizer.magenta();
        int[] primerLabels = tokenizer.encode(MelodyFiles.read(List.of(primer), null).get(0), 32);
        Set<String> distinct = new HashSet<>();
        for (int k = 1; k <= 3; k++) {
            Path file = out.resolve(String.format("primer_continued_%02d.mid", k));
            assertThat(run.out()).contains(file.toString());
            int[] labels = tokenizer.encode(MelodyFiles.read(List.of(file), null).get(0), 64);
            assertThat(Arrays.copyOf(labels, 32)).containsExactly(primerLabels);
            distinct.add(Arrays.toString(labels));
        }
        assertThat(distinct).hasSize(3);
        assertThat(out.resolve("primer_continued_04.mid")).doesNotExist();
    }

    @Test
    void aFileMarkedInAnotherMetreIsContinuedInTheModelsBarsOnItsOwnGrid() throws IOException {
        Path quarterBars = dir.resolve("one-four.mid");
        TimeGrid oneFour = new TimeGrid(4, 1, 4, 100);
        MidiFiles.write(quarterBars, Melody.of(oneFour, 24, List.of(Note.of(62, 0, 6), Note.of(65, 8, 20))),
                MidiExport.DEFAULT);
        Path out = dir.resolve("out-one-four");
        CliRun run = CliRun.of("continue", "--checkpoint", checkpoint.toString(), "--bars", "1", "--n", "1",
                "--out", out.toString(), quarterBars.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        MelodyTokenizer tokenizer = MelodyTokenizer.magenta();
        Melody read = MelodyFiles.read(List.of(quarterBars), null).get(0);
        Melody continued = MelodyFiles.read(List.of(out.resolve("one-four_continued_01.mid")), null).get(0);
        assertThat(continued.grid().stepsPerBar()).isEqualTo(read.grid().stepsPerBar());
        // 24 steps round up to two 16-step bars, then one more bar.
        assertThat(Arrays.copyOf(tokenizer.encode(continued, 48), 32)).containsExactly(tokenizer.encode(read, 32));
    }

    @Test
    void aMissingInputIsOneSentenceNamingTheFile() {
        Path missing = dir.resolve("nothing-here.mid");
        CliRun run = CliRun.of("continue", "--checkpoint", checkpoint.toString(), "--bars", "1",
                "--out", dir.resolve("none").toString(), missing.toString());

        assertThat(run.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
        assertThat(run.err()).contains(missing.toString()).doesNotContain("Exception").hasLineCount(1);
        assertThat(Files.exists(dir.resolve("none"))).isFalse();
    }

    @Test
    void aMusicVaeCheckpointIsRefusedNamingTheFolder() throws IOException {
        Path notContinuation = Files.createDirectories(dir.resolve("vae"));
        Files.writeString(notContinuation.resolve("config.json"), "{\"name\": \"x\"}");
        CliRun run = CliRun.of("continue", "--checkpoint", notContinuation.toString(), "--bars", "1",
                "--out", dir.resolve("none2").toString(), primer.toString());

        assertThat(run.exitCode()).isEqualTo(UserErrorHandler.USER_ERROR);
        assertThat(run.err()).contains(notContinuation.toString()).contains("not a continuation model").hasLineCount(1);
    }

    @Test
    void evaluationPrintsTheMarginOverTheBigram() {
        CliRun run = CliRun.of("continue-eval", "--checkpoint", checkpoint.toString(), "--data", data.toString(),
                "--threads", "1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("step 30, 4 eval windows (128 steps predicted)", "bigram: accuracy", "margin: ");
    }

    @Test
    void realismComparesContinuationsWithWhatFollowedBesideTwoHalvesOfTheData() {
        CliRun run = CliRun.of("continue-eval", "--checkpoint", checkpoint.toString(), "--data", data.toString(),
                "--threads", "1", "--realism", "--seed", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // 4 eval windows of 2 bars: the first 2 are primed with bar 1 and compared with the other 2's bar 2.
        assertThat(run.out()).contains("continuations: 2 primers continued (temperature 1.10, top-p 1.00) vs what "
                + "followed 2 others", "noteDensity", "pitchClass", "interval");
    }
}
