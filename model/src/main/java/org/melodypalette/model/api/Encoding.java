package org.melodypalette.model.api;

/**
 * A melody's code as the workbench uses it: {@code z}, the refined code (the posterior mean when
 * refinement was off or could not improve on it), and {@code mean}, the encoder's posterior mean.
 *
 * @param z        the code to decode from
 * @param mean     the posterior mean {@code mu} (what magenta.js {@code encode} returns)
 * @param exact    whether argmax decoding of {@code z} gives the melody back, step for step
 * @param mistakes steps whose teacher-forced argmax from {@code z} is not the melody's (0 when exact)
 * @param steps    gradient steps taken (0 = the mean)
 * @param millis   wall-clock time from the start of the encoding until this melody was done (in a batch:
 *                 of the whole batch's work until then)
 */
public record Encoding(LatentVector z, LatentVector mean, boolean exact, int mistakes, int steps, double millis) {

    public Encoding {
        if (z == null || mean == null) {
            throw new IllegalArgumentException("an encoding needs its code and its posterior mean");
        }
        if (z.size() != mean.size()) {
            throw new IllegalArgumentException("code and mean sizes differ: " + z.size() + " vs " + mean.size());
        }
        if (mistakes < 0 || steps < 0 || !(millis >= 0)) {
            throw new IllegalArgumentException("mistakes " + mistakes + ", steps " + steps + " and time " + millis
                    + " ms must not be negative");
        }
    }
}
