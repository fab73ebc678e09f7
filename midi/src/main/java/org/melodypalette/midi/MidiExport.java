package org.melodypalette.midi;

/**
 * How {@link MidiFiles} writes the note track of a melody or piano roll.
 *
 * @param trackName written as the note track's name (FF 03, UTF-8); a DAW shows it as the track or
 *                  clip name
 * @param program   General MIDI program 0..127 set at tick 0 (0 = Acoustic Grand Piano)
 * @param channel   MIDI channel 0..15 for every note (9 would make it a drum track)
 */
public record MidiExport(String trackName, int program, int channel) {

    /** A piano track named "Melody" on the first channel. */
    public static final MidiExport DEFAULT = new MidiExport("Melody", 0, 0);

    public MidiExport {
        if (trackName == null) {
            throw new IllegalArgumentException("trackName is required");
        }
        if (program < 0 || program > 127) {
            throw new IllegalArgumentException("program " + program + " is outside 0..127");
        }
        if (channel < 0 || channel > 15) {
            throw new IllegalArgumentException("channel " + channel + " is outside 0..15");
        }
    }

    public MidiExport withTrackName(String name) {
        return new MidiExport(name, program, channel);
    }

    public MidiExport withProgram(int newProgram) {
        return new MidiExport(trackName, newProgram, channel);
    }
}
