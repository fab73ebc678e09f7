package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/** {@code palette path} with the bundled {@code checkpoints/mel_2bar}: one file of loops, clear refusals. */
class PathCommandTest {

    private static final Path BUNDLED = Path.of("..").toAbsolutePath().normalize().resolve("checkpoints/mel_2bar");

    @TempDir
    Path dir;

    private List<String> corners() throws IOException {
        List<String> files = new ArrayList<>();
        int[][] pitches = {{60, 64, 67, 72}, {72, 71, 69, 67}, {55, 57, 59, 60}, {65, 69, 72, 69}};
        for (int c = 0; c < 4; c++) {
            List<Note> notes = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                notes.add(Note.of(pitches[c][i % 4], i * 4, i * 4 + 3));
            }
            Path file = dir.resolve("corner" + c + ".mid");
            MidiFiles.write(file, Melody.of(TimeGrid.SIXTEENTHS_4_4.withTempo(105), 32, notes), MidiExport.DEFAULT);
            files.add(file.toString());
        }
        return files;
    }

    private CliRun path(Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("path", "--checkpoint", BUNDLED.toString(), "--corners"));
        args.addAll(corners());
        args.addAll(List.of("--points", "0,0 0.5,0.2 1,1", "--loops", "8", "--out", out.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void writesOneFileOfLoopsAtTheFirstCornersTempo() throws IOException {
        Path out = dir.resolve("path.mid");
        CliRun run = path(out);

        assertThat(run.exitCode()).as(run.err()).isZero();
        MidiSong song = MidiFiles.read(out);
        assertThat(song.format()).isEqualTo(1);
        assertThat(song.ticksPerQuarter()).isEqualTo(480);
        assertThat(song.firstTempo().qpm()).isEqualTo(105);
        assertThat(song.endTick()).as("8 loops of 2 bars").isEqualTo(16L * 4 * 480);
        assertThat(song.noteCount()).isPositive();
    }

    @Test
    void refusesToOverwriteWithoutForceAndNamesABadPoint() throws IOException {
        Path out = dir.resolve("taken.mid");
        Files.writeString(out, "mine");

        CliRun refused = path(out);
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err().strip()).isEqualTo("palette path: " + out + ": already exists; pass --force to replace it");
        assertThat(Files.readString(out)).isEqualTo("mine");

        assertThat(path(out, "--force").exitCode()).isZero();
        assertThat(MidiFiles.read(out).format()).isEqualTo(1);

        List<String> args = new ArrayList<>(List.of("path", "--checkpoint", BUNDLED.toString(), "--corners"));
        args.addAll(corners());
        args.addAll(List.of("--points", "0,0 2,1", "--out", dir.resolve("x.mid").toString()));
        CliRun bad = CliRun.of(args.toArray(String[]::new));
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip())
                .isEqualTo("palette path: --points: point 2.0,1.0 is outside the palette's 0..1 square");
    }
}
