package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * The {@code palette} launcher script as a user runs it: stderr carries only what the program
 * says (not the JVM's incubator-module warning), complete when the launcher exits, and the exit
 * code is the program's. An integration test (failsafe): it runs after packaging, on this build's jar.
 */
class LauncherIT {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Path root() {
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.exists(here.resolve("palette"))) {
            here = here.getParent();
        }
        Assumptions.assumeTrue(here != null, "the palette launcher beside the sources");
        return here;
    }

    private static Run palette(String... args) throws IOException, InterruptedException {
        return palette(List.of(), args);
    }

    /** Runs the launcher with the environment variables {@code unset} removed. */
    private static Run palette(List<String> unset, String... args) throws IOException, InterruptedException {
        Path root = root();
        try (Stream<Path> jars = Files.list(root.resolve("app/target"))) {
            boolean built = jars.anyMatch(p -> p.getFileName().toString().matches("palette-app-.*\\.jar"))
                    && Files.isDirectory(root.resolve("app/target/lib"));
            Assumptions.assumeTrue(built, "a packaged build (./mvnw package) for the launcher to run");
        }
        List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("palette").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        unset.forEach(builder.environment()::remove);
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        return new Run(process.waitFor(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void stderrHoldsOnlyTheProgramsOwnWordsAndTheExitCodeIsItsOwn() throws Exception {
        Path tune = dir.resolve("tune.mid");
        MidiFiles.write(tune, Melody.of(TimeGrid.SIXTEENTHS_4_4, 16, List.of(Note.of(60, 0, 4))), MidiExport.DEFAULT);
        Path missing = dir.resolve("missing.mid");

        Run ok = palette("tokenize", "--steps", "16", tune.toString());
        Run failed = palette("tokenize", "--steps", "16", missing.toString());

        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.err()).isEmpty();
        assertThat(ok.out()).startsWith("# " + tune);
        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.err().lines().toList())
                .containsExactly("palette tokenize: cannot read " + missing + ": no such file");
    }

    @Test
    void withoutADisplayTheWorkbenchSaysSoInOneSentence() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "the display check is Linux's");

        Run run = palette(List.of("DISPLAY", "WAYLAND_DISPLAY"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().toList()).containsExactly("palette: the workbench needs a display to open its"
                + " window, and none is set (DISPLAY is empty). The command-line tools work without one: ./palette --help");
    }
}
