package org.melodypalette.midi.render;

import java.io.IOException;
import java.nio.file.Path;
import javax.sound.midi.Soundbank;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.midi.MidiExport;
import org.melodypalette.midi.MidiFiles;
import org.melodypalette.midi.MidiSong;
import org.melodypalette.music.Melody;

/**
 * Renders melodies and MIDI songs to 16-bit stereo 44.1 kHz PCM WAV files, offline: the JDK's
 * Gervill synthesizer runs as fast as the CPU allows, so no sound device is needed (see
 * {@link OfflineSynthesizer} for the JVM option this requires).
 *
 * <p>What is played is what the midi layer reads from a file ({@link MidiFiles#read}): every
 * note with its velocity and channel, the tempo map, and each track's program; controllers, pitch
 * bends and program changes after the first are not rendered. The WAV lasts until the song's
 * last end-of-track (for a melody: its whole length, trailing rests included) plus
 * {@link RenderSettings#tailSeconds()}. Files are replaced atomically.
 *
 * <p>One renderer reads its soundfont once and can render many files, one at a time; each render
 * loads only the instruments its song plays.
 */
public final class WavRenderer {

    /** 16-bit signed little-endian stereo at 44.1 kHz, as CDs and every DAW take it. */
    public static final AudioFormat FORMAT = new AudioFormat(44_100f, 16, 2, true, false);

    private static final String BUILT_IN = "Gervill's built-in sounds";

    private final RenderSettings settings;
    private final Soundbank soundbank;
    private final String sound;

    /**
     * Loads the soundfont of {@code settings} (or the system's, see {@link Soundfonts#systemDefault()}).
     *
     * @throws AudioRenderException naming the soundfont when it is unusable or lacks the program, or
     *                              when this JVM cannot render (see {@link #available()})
     */
    public WavRenderer(RenderSettings settings) throws AudioRenderException {
        OfflineSynthesizer.requireAvailable();
        this.settings = settings;
        Path file = settings.soundfont() != null ? settings.soundfont() : Soundfonts.systemDefault().orElse(null);
        if (file == null) {
            soundbank = null;
            sound = BUILT_IN;
        } else {
            soundbank = Soundfonts.load(file);
            if (settings.program() != RenderSettings.KEEP_PROGRAMS) {
                Soundfonts.requireProgram(soundbank, file, settings.program());
            }
            sound = file.toString();
        }
    }

    /** Whether this JVM can render (it was started with the option {@link OfflineSynthesizer} needs). */
    public static boolean available() {
        return OfflineSynthesizer.available();
    }

    /** What the notes are played with: the soundfont file, or Gervill's built-in sounds. */
    public String soundDescription() {
        return sound;
    }

    /** Renders a melody at its grid's tempo (the program of the settings, else piano). */
    public RenderedAudio render(Melody melody, Path wav) throws IOException {
        MidiSong song = MidiFiles.read(MidiFiles.toBytes(melody, MidiExport.DEFAULT), "melody");
        return render(song, wav);
    }

    /** Renders a song read by {@link MidiFiles#read}. */
    public RenderedAudio render(MidiSong song, Path wav) throws IOException {
        long lengthMicros = SongEvents.lengthMicros(song) + Math.round(settings.tailSeconds() * 1e6);
        long frames = (long) Math.ceil(lengthMicros / 1e6 * FORMAT.getFrameRate());
        try (OfflineSynthesizer synthesizer = OfflineSynthesizer.open(FORMAT, soundbank,
                SongEvents.programsUsed(song, settings.program()))) {
            for (SongEvents.Timed event : SongEvents.of(song, settings.program())) {
                synthesizer.receiver().send(event.message(), event.micros());
            }
            AudioInputStream audio = new AudioInputStream(synthesizer.stream(), FORMAT, frames);
            AtomicFiles.write(wav, out -> AudioSystem.write(audio, AudioFileFormat.Type.WAVE, out));
        }
        return new RenderedAudio(wav, frames, frames / (double) FORMAT.getFrameRate());
    }
}
