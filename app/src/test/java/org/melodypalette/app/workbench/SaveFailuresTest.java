package org.melodypalette.app.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.testing.FaultyFileSystem;
import org.melodypalette.app.workbench.audio.Playback;
import org.melodypalette.app.workbench.project.ProjectFiles;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.testing.FakeMelodyGenerator;
import org.melodypalette.app.workbench.testing.FxEvents;
import org.melodypalette.app.workbench.transfer.ClipTransfer;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/**
 * Saving a project, exporting MIDI and autosaving onto a full disk or into a folder that cannot be
 * written: the status line shows one message naming the file (never a stack trace), the previous
 * file is intact, and nothing half-written is left beside it. The disk faults come from
 * {@link FaultyFileSystem} (the tests run as root, whom folder permissions do not stop);
 * {@code RealDiskFaultsTest} checks the same on a real full or read-only mount when one is given.
 */
class SaveFailuresTest {

    private static final Melody OLD = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(60, 0, 4)));
    private static final Melody NEW = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32,
            List.of(Note.of(62, 0, 4), Note.of(65, 4, 8), Note.of(69, 8, 16)));

    @TempDir
    Path realDir;
    @TempDir
    Path otherDir;

    private final FaultyFileSystem disk = new FaultyFileSystem();

    private Path dir() {
        return disk.wrap(realDir);
    }

    /** A started workbench editing {@link #NEW}, autosaving (only when told: a long delay) to {@code autosave}. */
    private Workbench workbenchEditingNew(Path autosave) {
        Workbench workbench = new Workbench(new Workbench.Dependencies(new DirectTaskRunner(),
                checkpoint -> new FakeMelodyGenerator(), Playback.disabled(), realDir, 3_600_000));
        workbench.start(new WorkbenchOptions(null, null, autosave));
        workbench.editor().replaceMelody(NEW);
        return workbench;
    }

    private static byte[] projectBytes(Melody clip) throws IOException {
        Workbench workbench = new Workbench(new Workbench.Dependencies(new DirectTaskRunner(),
                checkpoint -> new FakeMelodyGenerator(), Playback.disabled(), Path.of("."), 3_600_000));
        workbench.editor().load(clip);
        return ProjectFiles.toBytes(workbench.snapshot());
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> files = Files.list(realDir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Autosave failures reach the status line through the FX thread when a toolkit runs in this JVM. */
    private static void assertFailureShown(Workbench workbench, String message) {
        FxEvents.drain();
        assertThat(workbench.status().errorProperty().get()).as(workbench.status().getMessage()).isTrue();
        assertThat(workbench.status().getMessage()).isEqualTo(message);
    }

    @Test
    void savingAProjectToAFullDiskSaysSoAndKeepsThePreviousFile() throws IOException {
        Path file = dir().resolve("song.json");
        byte[] previous = projectBytes(OLD);
        Files.write(file, previous);
        Workbench workbench = workbenchEditingNew(dir().resolve("autosave.json"));
        disk.setFreeBytes(100);

        workbench.saveProject(file);

        assertFailureShown(workbench, "Cannot save the project: cannot write " + file + ": "
                + FaultyFileSystem.DISK_FULL);
        assertThat(Files.readAllBytes(file)).isEqualTo(previous);
        assertThat(entries()).containsExactly("song.json");
    }

    @Test
    void savingAProjectIntoAReadOnlyFolderSaysSoAndKeepsThePreviousFile() throws IOException {
        Path file = dir().resolve("song.json");
        byte[] previous = projectBytes(OLD);
        Files.write(file, previous);
        Workbench workbench = workbenchEditingNew(otherDir.resolve("autosave.json"));
        disk.makeReadOnly(dir());

        workbench.saveProject(file);

        FxEvents.drain();
        assertThat(workbench.status().getMessage())
                .startsWith("Cannot save the project: cannot write " + file + ": folder " + realDir + " is not writable");
        assertThat(Files.readAllBytes(file)).isEqualTo(previous);
        assertThat(entries()).containsExactly("song.json");
    }

    @Test
    void savingOrExportingWhereTheFolderIsAFileSaysSo() throws IOException {
        Path notAFolder = realDir.resolve("notes.txt");
        Files.writeString(notAFolder, "keep me");
        Workbench workbench = workbenchEditingNew(otherDir.resolve("autosave.json"));

        workbench.saveProject(notAFolder.resolve("song.json"));
        assertFailureShown(workbench, "Cannot save the project: cannot write " + notAFolder.resolve("song.json")
                + ": " + notAFolder + " is a file, not a folder");

        WorkbenchView.transferOf(workbench, () -> null).exportTo(notAFolder.resolve("clips").resolve("melody.mid"), NEW);
        assertFailureShown(workbench, "Cannot export melody.mid: cannot write "
                + notAFolder.resolve("clips").resolve("melody.mid") + ": " + notAFolder + " is a file, not a folder");

        assertThat(notAFolder).hasContent("keep me");
        assertThat(entries()).containsExactly("notes.txt");
    }

    @Test
    void exportingMidiToAFullDiskOrAReadOnlyFolderSaysSoAndKeepsThePreviousFile() throws IOException {
        Path file = dir().resolve("melody.mid");
        MidiFiles.write(file, OLD, org.melodypalette.midi.MidiExport.DEFAULT);
        byte[] previous = Files.readAllBytes(file);
        Workbench workbench = workbenchEditingNew(otherDir.resolve("autosave.json"));
        ClipTransfer transfer = WorkbenchView.transferOf(workbench, () -> null);

        disk.setFreeBytes(10);
        assertThat(transfer.exportTo(file, NEW)).isFalse();
        assertFailureShown(workbench, "Cannot export melody.mid: cannot write " + file + ": "
                + FaultyFileSystem.DISK_FULL);

        disk.setFreeBytes(Long.MAX_VALUE);
        disk.makeReadOnly(dir());
        assertThat(transfer.exportTo(file, NEW)).isFalse();
        assertThat(workbench.status().getMessage())
                .startsWith("Cannot export melody.mid: cannot write " + file + ": folder " + realDir + " is not writable");

        assertThat(Files.readAllBytes(file)).isEqualTo(previous);
        assertThat(entries()).containsExactly("melody.mid");
    }

    @Test
    void anAutosaveOntoAFullDiskIsReportedAndKeepsTheLastGoodOne() throws IOException {
        Workbench workbench = shutDownAutosavingAfter(() -> disk.setFreeBytes(300));

        assertFailureShown(workbench, "Autosave failed: cannot write " + dir().resolve("autosave.json") + ": "
                + FaultyFileSystem.DISK_FULL);
    }

    @Test
    void anAutosaveIntoAReadOnlyFolderIsReportedAndKeepsTheLastGoodOne() throws IOException {
        Workbench workbench = shutDownAutosavingAfter(() -> disk.makeReadOnly(dir()));

        FxEvents.drain();
        assertThat(workbench.status().getMessage()).startsWith("Autosave failed: cannot write "
                + dir().resolve("autosave.json") + ": folder " + realDir + " is not writable");
    }

    /**
     * Restores {@link #OLD} from the autosave, edits, lets {@code fault} strike and shuts down (the
     * autosave is written then); the autosave must still be the old one, with nothing beside it.
     */
    private Workbench shutDownAutosavingAfter(Runnable fault) throws IOException {
        Path autosave = dir().resolve("autosave.json");
        byte[] previous = projectBytes(OLD);
        Files.write(autosave, previous);
        Workbench workbench = workbenchEditingNew(autosave);
        assertThat(workbench.editor().getMelody()).isEqualTo(NEW);
        fault.run();

        workbench.shutdown();

        assertThat(Files.readAllBytes(autosave)).isEqualTo(previous);
        assertThat(entries()).containsExactly("autosave.json");
        return workbench;
    }
}
