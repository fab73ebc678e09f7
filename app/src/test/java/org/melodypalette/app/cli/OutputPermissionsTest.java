package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.testing.SharedData;

/**
 * Files the CLI writes get the permissions any new file gets under the user's umask (writes are
 * atomic, through a temporary file, and that file must not be created owner-only).
 */
class OutputPermissionsTest {

    @TempDir
    Path dir;

    private Set<PosixFilePermission> newFilePermissions() throws IOException {
        return Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain-new-file")));
    }

    @Test
    void midiAndWavOutputsAreReadableAsAnyNewFileIs() throws IOException {
        Path checkpoint = SharedData.require("magenta/checkpoints/mel_2bar_small_random");
        Set<PosixFilePermission> expected = newFilePermissions();
        Assumptions.assumeTrue(expected.contains(PosixFilePermission.OTHERS_READ),
                "a umask that lets others read new files (as 022 does) tells owner-only files apart");
        Path tune = dir.resolve("tune.mid");
        Files.write(tune, MidiFiles.toBytes(Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(60, 0, 8),
                Note.of(67, 8, 32))), MidiExport.DEFAULT));

        CliRun interpolate = CliRun.of("interpolate", "--checkpoint", checkpoint.toString(), "--steps", "2",
                "--keep-originals", "--out", dir.toString(), tune.toString(), tune.toString());
        CliRun render = CliRun.of("render", "--out", dir.resolve("tune.wav").toString(),
                dir.resolve("interp_01.mid").toString());

        assertThat(interpolate.exitCode()).as(interpolate.err()).isZero();
        assertThat(render.exitCode()).as(render.err()).isZero();
        assertThat(Files.getPosixFilePermissions(dir.resolve("interp_01.mid"))).isEqualTo(expected);
        assertThat(Files.getPosixFilePermissions(dir.resolve("tune.wav"))).isEqualTo(expected);
    }
}
