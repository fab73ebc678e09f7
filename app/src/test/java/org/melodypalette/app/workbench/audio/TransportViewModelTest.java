package org.melodypalette.app.workbench.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/** Playback on whatever this machine has: on a machine without a sound device it must stay silent and error-free. */
class TransportViewModelTest {

    private static final Melody CLIP = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(60, 0, 4)));

    @TempDir
    Path dir;

    private final StatusLine status = new StatusLine();
    private final Playback playback = Playback.open();
    private final TransportViewModel transport = new TransportViewModel(playback, status);

    @AfterEach
    void close() {
        transport.stop();
        playback.close();
    }

    @Test
    void playUpdateAndStopWithoutErrors() {
        transport.play("editor", CLIP);
        assertThat(transport.playingProperty().get()).isTrue();
        assertThat(transport.sourceProperty().get()).isEqualTo("editor");

        transport.update("editor", CLIP.transpose(2));
        transport.tempoProperty().set(90);
        transport.loopProperty().set(false);
        transport.tick();
        transport.toggle("slider", CLIP);
        assertThat(transport.sourceProperty().get()).isEqualTo("slider");

        transport.toggle("slider", CLIP);
        assertThat(transport.playingProperty().get()).isFalse();
        assertThat(transport.cursorStepProperty().get()).isEqualTo(-1);
        assertThat(status.errorProperty().get()).isFalse();
    }

    @Test
    void stoppingDoesNotLeaveAPlayingMessageInTheStatusBar() {
        transport.play("editor", CLIP);
        transport.stop();

        assertThat(status.getMessage()).doesNotStartWith("Playing");
    }

    @Test
    void aBadSoundfontIsAClearMessage() throws IOException {
        Path bogus = Files.writeString(dir.resolve("piano.sf2"), "not a soundfont");

        transport.loadSoundfont(bogus);

        assertThat(status.errorProperty().get()).isTrue();
        assertThat(status.getMessage()).startsWith("Cannot load the soundfont: cannot load soundfont ")
                .contains("piano.sf2");
    }
}
