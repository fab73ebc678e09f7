package org.melodypalette.app.workbench.live;

/**
 * A note as it was played on a MIDI input: key, velocity, and when it went down and up, in
 * microseconds on the input's clock.
 */
public record PlayedNote(int pitch, int velocity, long startMicros, long endMicros) {

    public PlayedNote {
        if (pitch < 0 || pitch > 127 || velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("pitch " + pitch + " / velocity " + velocity + " is not a played note");
        }
        if (endMicros < startMicros) {
            throw new IllegalArgumentException("a note cannot end (" + endMicros + " µs) before it starts ("
                    + startMicros + " µs)");
        }
    }
}
