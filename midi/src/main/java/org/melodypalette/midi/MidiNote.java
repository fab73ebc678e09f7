package org.melodypalette.midi;

/**
 * A note as the file has it, in ticks: the half-open span {@code [startTick, endTick)}. A
 * zero-length note ({@code endTick == startTick}, e.g. a drum hit whose note-off shares its tick)
 * is kept; quantization gives it one step.
 *
 * @param channel  MIDI channel 0..15 (9 is General MIDI percussion, "channel 10")
 * @param pitch    0..127
 * @param velocity note-on velocity 1..127 (a note-on with velocity 0 is a note-off)
 */
public record MidiNote(int channel, int pitch, int velocity, long startTick, long endTick) {

    public MidiNote {
        if (channel < 0 || channel > 15) {
            throw new IllegalArgumentException("channel " + channel + " is outside 0..15");
        }
        if (pitch < 0 || pitch > 127) {
            throw new IllegalArgumentException("pitch " + pitch + " is outside MIDI range 0..127");
        }
        if (velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("velocity " + velocity + " is outside 1..127");
        }
        if (startTick < 0) {
            throw new IllegalArgumentException("startTick " + startTick + " is negative");
        }
        if (endTick < startTick) {
            throw new IllegalArgumentException("endTick " + endTick + " is before startTick " + startTick);
        }
    }

    public long lengthTicks() {
        return endTick - startTick;
    }
}
