package org.melodypalette.app.workbench.audio;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.melodypalette.app.workbench.task.StatusLine;
import org.melodypalette.app.workbench.task.TaskRunner;
import org.melodypalette.midi.render.RenderSettings;
import org.melodypalette.midi.render.RenderedAudio;
import org.melodypalette.midi.render.WavRenderer;
import org.melodypalette.music.Melody;

/**
 * Renders clips to WAV files in the background (the workbench's task runner) with the soundfont
 * playback uses, so the file sounds like what you heard. The outcome goes to the status line.
 */
public final class AudioExport {

    private final TaskRunner runner;
    private final StatusLine status;
    private final Supplier<Path> soundfont;
    /** Touched only by the task runner's thread: a loaded soundfont is reused while it stays the same. */
    private WavRenderer renderer;
    private Path rendererSoundfont;

    /**
     * @param soundfont the soundfont playback uses now, or null for the default sounds
     */
    public AudioExport(TaskRunner runner, StatusLine status, Supplier<Path> soundfont) {
        this.runner = runner;
        this.status = status;
        this.soundfont = soundfont;
    }

    /** Renders {@code melody} (at its grid's tempo) to {@code wav}, replacing it atomically. */
    public void export(Melody melody, Path wav) {
        Path sounds = soundfont.get();
        status.info("Rendering " + wav.getFileName() + "…");
        runner.run(() -> rendererFor(sounds).render(melody, wav),
                audio -> status.info(describe(audio)),
                error -> status.failure("Cannot export audio to " + wav.getFileName(), error));
    }

    private WavRenderer rendererFor(Path sounds) throws java.io.IOException {
        if (renderer == null || !Objects.equals(sounds, rendererSoundfont)) {
            renderer = new WavRenderer(RenderSettings.DEFAULT.withSoundfont(sounds));
            rendererSoundfont = sounds;
        }
        return renderer;
    }

    private static String describe(RenderedAudio audio) {
        return String.format(Locale.ROOT, "Exported audio %s (%.1f s)", audio.file().getFileName(), audio.seconds());
    }
}
