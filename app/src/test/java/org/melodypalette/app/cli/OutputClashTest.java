package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.testing.ChildJvm;
import org.melodypalette.app.testing.ChildJvms;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.testing.SharedData;

/**
 * Outputs are never lost to a name clash: a second {@code sample} into a folder writes under fresh
 * numbers and {@code --force} replaces; {@code render} and {@code dataset build} refuse an
 * existing file without {@code --force}; and four {@code sample} plus two {@code interpolate} runs
 * in real child JVMs writing into one folder at once each keep every file they report.
 */
class OutputClashTest {

    private static final Duration GUARD = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    @RegisterExtension
    final ChildJvms children = new ChildJvms();

    @Test
    void sampleWritesUnderFreshNamesAndReplacesOnlyWithForce() throws IOException {
        Path checkpoint = SharedData.require("magenta/checkpoints/mel_2bar_small_random");
        Path out = dir.resolve("out");

        CliRun first = CliRun.of("sample", "--checkpoint", checkpoint.toString(), "--n", "2", "--out", out.toString());
        byte[] firstBytes = Files.readAllBytes(out.resolve("sample_01.mid"));
        CliRun second = CliRun.of("sample", "--checkpoint", checkpoint.toString(), "--n", "2", "--out", out.toString(),
                "--seed", "99");
        CliRun forced = CliRun.of("sample", "--checkpoint", checkpoint.toString(), "--n", "1", "--out", out.toString(),
                "--seed", "99", "--force");

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out().lines()).containsExactly(out.resolve("sample_03.mid").toString(),
                out.resolve("sample_04.mid").toString());
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(forced.out().lines()).containsExactly(out.resolve("sample_01.mid").toString());
        assertThat(Files.readAllBytes(out.resolve("sample_01.mid"))).isNotEqualTo(firstBytes)
                .isEqualTo(Files.readAllBytes(out.resolve("sample_03.mid")));
        assertThat(names(out)).containsExactly("sample_01.mid", "sample_02.mid", "sample_03.mid", "sample_04.mid");
    }

    @Test
    void renderAndDatasetBuildRefuseAnExistingFileWithoutForce() throws IOException {
        Path midi = melody(dir.resolve("a.mid"), 60);
        Path wav = Files.writeString(dir.resolve("a.wav"), "mine");
        Path dataset = Files.writeString(dir.resolve("windows.mpwin"), "mine too");

        CliRun render = CliRun.of("render", midi.toString());
        CliRun build = CliRun.of("dataset", "build", "--bars", "2", "--out", dataset.toString(), midi.toString());

        assertThat(render.exitCode()).isEqualTo(2);
        assertThat(render.err()).isEqualTo("palette render: " + wav
                + ": already exists; give --force to replace it, or choose another name" + System.lineSeparator());
        assertThat(Files.readString(wav)).isEqualTo("mine");
        assertThat(build.exitCode()).isEqualTo(2);
        assertThat(build.err()).contains(dataset + ": already exists; give --force to replace it");
        assertThat(Files.readString(dataset)).isEqualTo("mine too");
        assertThat(dir.resolve("windows.mpwin.json")).doesNotExist();

        CliRun forced = CliRun.of("render", "--force", midi.toString());
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(Files.size(wav)).isGreaterThan(1000);
    }

    @Test
    void concurrentSampleAndInterpolateRunsIntoOneFolderLoseNothing() throws IOException {
        Path checkpoint = SharedData.require("magenta/checkpoints/mel_2bar_small_random");
        Path a = melody(dir.resolve("a.mid"), 60);
        Path b = melody(dir.resolve("b.mid"), 67);
        Path out = dir.resolve("shared-out");
        List<ChildJvm> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(cli("sample-" + i, "sample", "--checkpoint", checkpoint.toString(), "--n", "8",
                    "--seed", String.valueOf(i), "--out", out.toString()));
        }
        for (int i = 0; i < 2; i++) {
            // --no-refine: this is about output names; refining on random weights would only add minutes.
            runs.add(cli("interpolate-" + i, "interpolate", "--checkpoint", checkpoint.toString(), "--steps", "11",
                    "--no-refine", "--out", out.toString(), a.toString(), b.toString()));
        }

        List<String> reported = new ArrayList<>();
        for (ChildJvm run : runs) {
            assertThat(run.awaitExit(GUARD)).as(run.diagnostics()).isZero();
            reported.addAll(run.lines().stream().filter(line -> line.endsWith(".mid")).toList());
        }

        assertThat(reported).hasSize(4 * 8 + 2 * 11).doesNotHaveDuplicates();
        assertThat(names(out)).hasSize(54);
        assertThat(names(out).stream().filter(n -> n.startsWith("sample_"))).hasSize(32);
        assertThat(names(out).stream().filter(n -> n.startsWith("interp_"))).hasSize(22);
        for (String file : reported) {
            assertThat(MidiFiles.read(Path.of(file)).tracks()).as(file).isNotEmpty();
        }
    }

    private ChildJvm cli(String name, String... args) {
        return children.start(name, List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "--add-modules", "jdk.incubator.vector"), "org.melodypalette.app.cli.PaletteCommand",
                List.of(args), Map.of("OMP_NUM_THREADS", "1"), dir.resolve(name + ".stderr.txt"));
    }

    private static Path melody(Path file, int pitch) throws IOException {
        MidiFiles.write(file, Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(pitch, 0, 8),
                Note.of(pitch + 2, 8, 16), Note.of(pitch + 4, 16, 32))), MidiExport.DEFAULT);
        return file;
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
