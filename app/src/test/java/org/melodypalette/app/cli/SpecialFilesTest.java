package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.testing.ChildJvm;
import org.melodypalette.app.testing.ChildJvms;
import org.melodypalette.app.workbench.project.ProjectFiles;
import org.melodypalette.datasets.Pop909Index;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.files.SpecialFiles;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.midi.render.Soundfonts;
import org.melodypalette.model.checkpoint.AttributeVectors;
import org.melodypalette.model.checkpoint.CheckpointChecksums;
import org.melodypalette.model.checkpoint.CheckpointFolder;
import org.melodypalette.model.checkpoint.WeightsManifest;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfigJson;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.train.AdamOptimizer;
import org.melodypalette.model.train.TrainingCheckpoint;
import org.melodypalette.model.train.TrainingMetrics;
import org.melodypalette.model.train.TrainingState;

/**
 * Every reader of user files given a FIFO (a plain read would block forever) and a link to
 * {@code /dev/zero} (a plain read never ends, then runs out of memory): each refuses it at once
 * with one message naming the file. The CLI is also run in a real child process on a checkpoint
 * whose {@code config.json} is a FIFO: it exits with one line instead of hanging.
 */
@Timeout(300) // guards against the hang being tested for; nothing is timed
class SpecialFilesTest {

    private static final String NOT_REGULAR = "is not a regular file (a FIFO, socket or device); refusing to read it";
    private static final ModelConfig TINY = ModelPresets.byName("tiny-test");

    @TempDir
    Path dir;

    @RegisterExtension
    final ChildJvms children = new ChildJvms();

    @Test
    void midiDatasetIndexProjectLatentAndSoundfontReadersRefuseSpecialFiles() throws Exception {
        for (Path special : specials("input")) {
            assertThatThrownBy(() -> MidiFiles.read(special)).hasMessage("cannot read " + special + ": " + NOT_REGULAR);
            assertThatThrownBy(() -> WindowDatasetFile.read(special)).hasMessage(special + ": " + NOT_REGULAR);
            assertThatThrownBy(() -> ProjectFiles.read(special))
                    .hasMessage("project " + special + " cannot be read: the file " + NOT_REGULAR);
            assertThatThrownBy(() -> DecodeCommand.readZ(special)).hasMessage(special + ": " + NOT_REGULAR);
            assertThatThrownBy(() -> Soundfonts.load(special)).hasMessage(special + ": " + NOT_REGULAR);
            assertThatThrownBy(() -> ModelConfigJson.read(special))
                    .hasMessage(special + ": not a usable model config: it " + NOT_REGULAR);
        }
        Path pop909 = Files.createDirectories(dir.resolve("pop909"));
        for (int kind = 0; kind < 2; kind++) {
            Path index = special(pop909.resolve(Pop909Index.FILE_NAME), kind);
            assertThatThrownBy(() -> Pop909Index.read(pop909)).hasMessage(index + ": " + NOT_REGULAR);
        }
    }

    @Test
    void everyFileOfACheckpointIsRefusedWhenSpecialAndAShardIsNamed() throws Exception {
        for (String name : List.of(CheckpointFolder.CONFIG_FILE, WeightsManifest.FILE_NAME, "group1-shard1of1",
                CheckpointChecksums.FILE_NAME, AttributeVectors.FILE_NAME)) {
            for (int kind = 0; kind < 2; kind++) {
                Path folder = dir.resolve(name + kind);
                CheckpointFolder.write(folder, TINY, org.melodypalette.model.net.MusicVaeVariables.initialize(TINY, 1));
                if (!name.equals(CheckpointChecksums.FILE_NAME)) {
                    Files.delete(folder.resolve(CheckpointChecksums.FILE_NAME)); // reach the reader itself
                }
                Path special = special(folder.resolve(name), kind);
                String expected = special + ": " + (name.startsWith("group") ? "weight shard " : "") + NOT_REGULAR;

                if (name.equals(AttributeVectors.FILE_NAME)) {
                    assertThatThrownBy(() -> AttributeVectors.read(folder, TINY.zSize())).hasMessage(expected);
                } else {
                    assertThatThrownBy(() -> CheckpointFolder.load(folder)).hasMessage(expected);
                }
            }
        }
    }

    @Test
    void everyTrainingFileIsRefusedWhenSpecial() throws Exception {
        Path data = TinyDataset.write(dir.resolve("windows.mpwin"), 5);
        for (String name : List.of(AdamOptimizer.FILE_NAME, TrainingMetrics.FILE_NAME, TrainingState.FILE_NAME)) {
            Path run = dir.resolve("run-" + name);
            CliRun train = CliRun.of("train", "--preset", "tiny-test", "--data", data.toString(), "--out",
                    run.toString(), "--steps", "2", "--checkpoint-every", "2", "--eval-every", "100", "--threads", "1");
            assertThat(train.exitCode()).as(train.err()).isZero();
            Files.delete(run.resolve(CheckpointChecksums.FILE_NAME));
            Path special = SpecialFiles.fifo(run.resolve(name));

            assertThatThrownBy(() -> TrainingCheckpoint.read(run)).hasMessage(special + ": " + NOT_REGULAR);
        }
    }

    @Test
    void sampleWithAFifoConfigExitsWithOneLineInsteadOfHanging() throws Exception {
        Path folder = dir.resolve("model");
        CheckpointFolder.write(folder, TINY, org.melodypalette.model.net.MusicVaeVariables.initialize(TINY, 1));
        Files.delete(folder.resolve(CheckpointChecksums.FILE_NAME));
        Path fifo = SpecialFiles.fifo(folder.resolve(CheckpointFolder.CONFIG_FILE));

        ChildJvm sample = children.start("sample", List.of("-Xmx256m", "-XX:TieredStopAtLevel=1",
                        "--add-modules", "jdk.incubator.vector"), "org.melodypalette.app.cli.PaletteCommand",
                List.of("sample", "--checkpoint", folder.toString(), "--out", dir.resolve("out").toString()),
                Map.of(), dir.resolve("sample.stderr.txt"));

        assertThat(sample.awaitExit(Duration.ofSeconds(120))).isEqualTo(2);
        assertThat(Files.readAllLines(dir.resolve("sample.stderr.txt")).stream()
                .filter(line -> !line.startsWith("WARNING: Using incubator modules")))
                .containsExactly("palette sample: " + fifo + ": " + NOT_REGULAR);
    }

    private List<Path> specials(String name) throws Exception {
        return specials(dir, name);
    }

    /** A FIFO, then a link to /dev/zero, at {@code folder/name}. */
    private static List<Path> specials(Path folder, String name) throws Exception {
        return List.of(special(folder.resolve(name), 0), special(folder.resolve("zero-" + name), 1));
    }

    private static Path special(Path path, int kind) throws IOException, InterruptedException {
        return kind == 0 ? SpecialFiles.fifo(path) : SpecialFiles.linkToDevZero(path);
    }
}
