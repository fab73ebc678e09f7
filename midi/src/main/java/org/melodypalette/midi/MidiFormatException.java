package org.melodypalette.midi;

import java.io.IOException;

/**
 * A MIDI file that cannot be read or used: not MIDI, truncated, corrupt, beyond the
 * {@link MidiLimits}, using an unsupported feature (SMPTE timing, format 2), or lacking the track
 * a caller asked for. The message always reads {@code "<source>: <problem>"}, where the source is
 * the file (or the name given for in-memory bytes).
 */
public final class MidiFormatException extends IOException {

    private final String source;
    private final String problem;

    public MidiFormatException(String source, String problem) {
        this(source, problem, null);
    }

    public MidiFormatException(String source, String problem, Throwable cause) {
        super(source + ": " + problem, cause);
        this.source = source;
        this.problem = problem;
    }

    /** The file path or name the problem is in. */
    public String source() {
        return source;
    }

    /** What is wrong, without the source. */
    public String problem() {
        return problem;
    }
}
