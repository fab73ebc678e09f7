package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.project.ProjectFiles;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.testing.FakeMelodyGenerator;
import org.melodypalette.app.workbench.testing.FxEvents;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * {@link SaveFailuresTest}'s checks on real file systems, when given (they need mounts that a test
 * cannot make, so they are skipped unless asked for, and in CI):
 * {@code -Dreliability.smallDisk=DIR}, an empty folder on a small file system this test fills up
 * (e.g. {@code mount -t tmpfs -o size=256k tmpfs DIR}), and {@code -Dreliability.readOnlyFolder=DIR},
 * a folder on a read-only mount (e.g. a tmpfs remounted with {@code -o remount,ro}). A folder whose
 * permissions forbid writing does not stop root, which the tests run as.
 */
class RealDiskFaultsTest {

    private static final Melody OLD = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(60, 0, 4)));
    private static final Melody NEW = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32,
            List.of(Note.of(62, 0, 4), Note.of(65, 4, 8), Note.of(69, 8, 16)));

    @TempDir
    Path otherDir;

    private static Path folder(String property) {
        String dir = System.getProperty(property);
        assumeTrue(dir != null && !dir.isBlank(), "set -D" + property + "=DIR to run this on a real mount");
        return Path.of(dir);
    }

    private Workbench workbenchEditingNew(Path autosave) {
        Workbench workbench = new Workbench(new Workbench.Dependencies(new DirectTaskRunner(),
                checkpoint -> new FakeMelodyGenerator(), Playback.disabled(), otherDir, 3_600_000));
        workbench.start(new WorkbenchOptions(null, null, autosave));
        workbench.editor().replaceMelody(NEW);
        return workbench;
    }

    @Test
    void onAFullDiskSaveExportAndAutosaveSaySoAndKeepThePreviousFiles() throws IOException {
        Path dir = folder("reliability.smallDisk");
        Path project = dir.resolve("song.json");
        Path midi = dir.resolve("melody.mid");
        Path autosave = dir.resolve("autosave.json");
        Workbench old = workbenchEditingNew(otherDir.resolve("unused.json"));
        old.editor().load(OLD);
        old.saveProject(project);
        WorkbenchView.transferOf(old, () -> null).exportTo(midi, OLD);
        ProjectFiles.write(autosave, old.snapshot());
        Map<Path, byte[]> before = contents(dir);
        Path filler = dir.resolve("filler.bin");
        fill(filler);
        try {
            Workbench workbench = workbenchEditingNew(autosave);
            workbench.editor().replaceMelody(NEW);

            workbench.saveProject(project);
            assertThat(workbench.status().getMessage())
                    .isEqualTo("Cannot save the project: cannot write " + project + ": No space left on device");
            assertThat(WorkbenchView.transferOf(workbench, () -> null).exportTo(midi, NEW)).isFalse();
            assertThat(workbench.status().getMessage())
                    .isEqualTo("Cannot export melody.mid: cannot write " + midi + ": No space left on device");
            workbench.shutdown();
            FxEvents.drain();
            assertThat(workbench.status().getMessage())
                    .isEqualTo("Autosave failed: cannot write " + autosave + ": No space left on device");

            Files.delete(filler);
            Map<Path, byte[]> after = contents(dir);
            assertThat(after).containsOnlyKeys(before.keySet());
            before.forEach((file, bytes) -> assertThat(after.get(file)).as("%s", file).isEqualTo(bytes));
        } finally {
            Files.deleteIfExists(filler);
        }
    }

    @Test
    void inAReadOnlyFolderSaveExportAndAutosaveSaySo() throws IOException {
        Path dir = folder("reliability.readOnlyFolder");
        Map<Path, byte[]> before = contents(dir);
        Path project = dir.resolve("song.json");
        Path midi = dir.resolve("melody.mid");
        Path autosave = dir.resolve("autosave.json");
        Workbench workbench = workbenchEditingNew(autosave);

        workbench.saveProject(project);
        assertThat(workbench.status().getMessage()).startsWith("Cannot save the project: cannot write " + project
                + ": folder " + dir + " is not writable (").endsWith(": Read-only file system)");
        WorkbenchView.transferOf(workbench, () -> null).exportTo(midi, NEW);
        assertThat(workbench.status().getMessage()).startsWith("Cannot export melody.mid: cannot write " + midi
                + ": folder " + dir + " is not writable (").endsWith(": Read-only file system)");
        workbench.shutdown();
        FxEvents.drain();
        assertThat(workbench.status().getMessage()).startsWith("Autosave failed: cannot write " + autosave
                + ": folder " + dir + " is not writable (").endsWith(": Read-only file system)");

        assertThat(contents(dir)).containsOnlyKeys(before.keySet());
    }

    /** Writes zeros to {@code file} until the file system is full. */
    private static void fill(Path file) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            assertThat(full.getMessage()).isEqualTo("No space left on device");
        }
    }

    private static Map<Path, byte[]> contents(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toMap(p -> p, p -> {
                try {
                    return Files.readAllBytes(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }));
        }
    }
}
