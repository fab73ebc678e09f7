package org.melodypalette.midi.render;

import java.nio.file.Path;

/**
 * How {@link WavRenderer} turns notes into sound.
 *
 * @param soundfont   an SF2 (or DLS) file whose instruments play the notes; null picks
 *                    {@link Soundfonts#systemDefault()} and, without one, Gervill's built-in sounds
 * @param program     General MIDI program 0..127 every melodic channel plays (0 = Acoustic Grand
 *                    Piano), or {@link #KEEP_PROGRAMS} to keep each track's own program (a file
 *                    without one plays piano); channel 10 (drums) is never changed
 * @param tailSeconds silence rendered after the end, so the last note can ring out, 0..60
 */
public record RenderSettings(Path soundfont, int program, double tailSeconds) {

    /** {@link #program()} value that keeps the programs the MIDI file sets. */
    public static final int KEEP_PROGRAMS = -1;

    /** Long enough for a piano note's release and the reverb to fade. */
    public static final double DEFAULT_TAIL_SECONDS = 1.5;

    /** The file's own programs, the default soundfont, a 1.5 s tail. */
    public static final RenderSettings DEFAULT = new RenderSettings(null, KEEP_PROGRAMS, DEFAULT_TAIL_SECONDS);

    public RenderSettings {
        if (program < KEEP_PROGRAMS || program > 127) {
            throw new IllegalArgumentException("program " + program + " is outside 0..127");
        }
        if (!(tailSeconds >= 0 && tailSeconds <= 60)) {
            throw new IllegalArgumentException("tail " + tailSeconds + " s is outside 0..60 seconds");
        }
    }

    public RenderSettings withSoundfont(Path file) {
        return new RenderSettings(file, program, tailSeconds);
    }

    public RenderSettings withProgram(int newProgram) {
        return new RenderSettings(soundfont, newProgram, tailSeconds);
    }

    public RenderSettings withTail(double seconds) {
        return new RenderSettings(soundfont, program, seconds);
    }
}
