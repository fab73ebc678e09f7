package org.melodypalette.midi;

import org.melodypalette.music.Metre;

/** A time-signature meta event (FF 58): from {@code tick} on, bars are {@code metre}. */
public record TimeSignatureChange(long tick, Metre metre) {

    public TimeSignatureChange {
        if (tick < 0) {
            throw new IllegalArgumentException("tick " + tick + " is negative");
        }
        if (metre == null) {
            throw new IllegalArgumentException("metre is required");
        }
    }
}
