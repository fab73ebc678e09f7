package org.melodypalette.app.input;

/**
 * Which part of a file's melody to read and into which pitch range.
 *
 * @param fromBar    first bar to read, counted from 1 in the file's own bars; {@code null} starts at
 *                   the first bar with a note (real songs often open with bars of silence)
 * @param bars       how many of the file's bars to read; {@code null} reads as many as fill
 *                   {@code steps}, or to the end of the track when that is null too
 * @param steps      how many steps the reader of the melody (a model, the tokenizer) takes, or
 *                   {@code null} for no limit; bars past it are reported as unused
 * @param minPitch   lowest pitch of the range, 0..127
 * @param maxPitch   highest pitch, at least an octave above {@code minPitch} so that folding works
 * @param outOfRange what happens to notes outside {@code minPitch..maxPitch}
 */
public record ReadRequest(Integer fromBar, Integer bars, Integer steps, int minPitch, int maxPitch,
                          OutOfRange outOfRange) {

    public ReadRequest {
        if (fromBar != null && fromBar < 1) {
            throw new IllegalArgumentException("--from-bar " + fromBar + " must be 1 or more (bars count from 1)");
        }
        if (bars != null && bars < 1) {
            throw new IllegalArgumentException("--bars " + bars + " must be 1 or more");
        }
        if (steps != null && steps < 1) {
            throw new IllegalArgumentException("steps " + steps + " must be positive");
        }
        if (minPitch < 0 || maxPitch > 127 || maxPitch - minPitch < 11) {
            throw new IllegalArgumentException("pitch range " + minPitch + ".." + maxPitch
                    + " must lie in 0..127 and span at least an octave");
        }
        if (outOfRange == null) {
            throw new IllegalArgumentException("outOfRange is required");
        }
    }
}
