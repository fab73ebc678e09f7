package org.melodypalette.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

class RenderCommandTest {

    @TempDir
    Path dir;

    /** {@code bars} 4/4 bars at {@code qpm} with one note in the first. */
    private Path midi(String name, int bars, double qpm) throws IOException {
        Path file = dir.resolve(name);
        MidiFiles.write(file, Melody.of(TimeGrid.SIXTEENTHS_4_4.withTempo(qpm), 16 * bars, List.of(Note.of(64, 0, 4))),
                MidiExport.DEFAULT);
        return file;
    }

    private static double seconds(Path wav) throws IOException, UnsupportedAudioFileException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            return in.getFrameLength() / (double) in.getFormat().getFrameRate();
        }
    }

    @Test
    void rendersEachFileIntoTheOutputFolderAtItsOwnTempo() throws Exception {
        Path a = midi("a.mid", 2, 120);
        Path b = midi("b.midi", 1, 60);

        CliRun run = CliRun.of("render", "--tail", "0.5", "--program", "24", "--out", dir.resolve("wav").toString(),
                a.toString(), b.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(seconds(dir.resolve("wav/a.wav"))).isCloseTo(4.5, within(1e-4));
        assertThat(seconds(dir.resolve("wav/b.wav"))).isCloseTo(4.5, within(1e-4));
        assertThat(run.out()).contains("a.mid -> ").contains("(4.5 s)");
    }

    @Test
    void withoutOutTheWavGoesBesideTheInputAndAWavOutNamesTheFile() throws Exception {
        Path a = midi("tune.mid", 1, 120);

        assertThat(CliRun.of("render", a.toString()).exitCode()).isZero();
        assertThat(dir.resolve("tune.wav")).exists();
        assertThat(CliRun.of("render", "--out", dir.resolve("named.wav").toString(), a.toString()).exitCode()).isZero();
        assertThat(seconds(dir.resolve("named.wav"))).isCloseTo(2.0 + 1.5, within(1e-4));
    }

    @Test
    void aBadInputIsOneLineTheOthersAreStillRenderedAndTheExitCodeIs2() throws IOException {
        Path good = midi("good.mid", 1, 120);
        Path bad = dir.resolve("not-midi.mid");
        Files.writeString(bad, "hello");

        CliRun run = CliRun.of("render", "--out", dir.resolve("out").toString(), bad.toString(), good.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("palette render: ").contains("not-midi.mid").doesNotContain("Exception");
        assertThat(dir.resolve("out/good.wav")).exists();
        assertThat(dir.resolve("out/not-midi.wav")).doesNotExist();
    }

    @Test
    void aBadSoundfontIsOneLineNamingItAndNothingIsWritten() throws IOException {
        Path tune = midi("tune.mid", 1, 120);
        Path soundfont = dir.resolve("piano.sf2");
        Files.writeString(soundfont, "not a soundfont");

        CliRun run = CliRun.of("render", "--soundfont", soundfont.toString(), tune.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("palette render: " + soundfont + ": not a SoundFont (.sf2) or DLS file");
        assertThat(dir.resolve("tune.wav")).doesNotExist();
    }

    @Test
    void oneWavFileForTwoInputsIsRefused() throws IOException {
        CliRun run = CliRun.of("render", "--out", dir.resolve("x.wav").toString(),
                midi("a.mid", 1, 120).toString(), midi("b.mid", 1, 120).toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("x.wav is one .wav file but there are 2 inputs");
    }
}
