package org.melodypalette.midi;

/**
 * Bounds that keep a hostile or broken file from hanging the reader or exhausting memory. They
 * are checked on the raw bytes before javax.sound.midi builds any event objects.
 *
 * @param maxFileBytes largest file accepted
 * @param maxTracks    most track chunks a header may declare
 * @param maxEvents    most events over all tracks (javax.sound.midi keeps about 150 bytes per event)
 * @param maxQuarters  latest event time, in quarter notes from the start (guards against huge delta
 *                     times, which would make step grids absurdly long)
 */
public record MidiLimits(long maxFileBytes, int maxTracks, int maxEvents, long maxQuarters) {

    /** 32 MiB, 1,024 tracks, 1,000,000 events, 65,536 quarter notes (over 9 hours at 120 qpm). */
    public static final MidiLimits DEFAULT = new MidiLimits(32L << 20, 1024, 1_000_000, 65_536);

    public MidiLimits {
        if (maxFileBytes < 14) {
            throw new IllegalArgumentException("maxFileBytes " + maxFileBytes + " is below a MIDI header's 14 bytes");
        }
        if (maxTracks < 1 || maxTracks > 65_535) {
            throw new IllegalArgumentException("maxTracks " + maxTracks + " is outside 1..65535");
        }
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents " + maxEvents + " must be positive");
        }
        if (maxQuarters < 1) {
            throw new IllegalArgumentException("maxQuarters " + maxQuarters + " must be positive");
        }
    }
}
