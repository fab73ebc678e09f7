package org.melodypalette.app.workbench.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.task.DirectTaskRunner;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

class AudioExportTest {

    private static final Melody CLIP = Melody.of(TimeGrid.SIXTEENTHS_4_4.withTempo(90), 32,
            List.of(Note.of(62, 0, 4), Note.of(65, 4, 8)));

    @TempDir
    Path dir;

    private final StatusLine status = new StatusLine();

    @Test
    void aClipIsRenderedAtItsTempoAndTheStatusSaysHowLong() throws Exception {
        Path wav = dir.resolve("clip.wav");

        new AudioExport(new DirectTaskRunner(), status, () -> null).export(CLIP, wav);

        // 2 bars of 4 quarters at 90 qpm = 5.333 s, plus the 1.5 s tail
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            assertThat(in.getFrameLength() / (double) in.getFormat().getFrameRate()).isCloseTo(6.833, within(0.001));
        }
        assertThat(status.errorProperty().get()).isFalse();
        assertThat(status.getMessage()).isEqualTo("Exported audio clip.wav (6.8 s)");
    }

    @Test
    void aBrokenSoundfontIsAStatusMessageNamingItAndNoFile() throws IOException {
        Path soundfont = dir.resolve("broken.sf2");
        Files.writeString(soundfont, "no instruments here");
        Path wav = dir.resolve("clip.wav");

        new AudioExport(new DirectTaskRunner(), status, () -> soundfont).export(CLIP, wav);

        assertThat(status.errorProperty().get()).isTrue();
        assertThat(status.getMessage()).isEqualTo("Cannot export audio to clip.wav: " + soundfont
                + ": not a SoundFont (.sf2) or DLS file");
        assertThat(wav).doesNotExist();
    }
}
