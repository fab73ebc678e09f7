package org.melodypalette.model.api;

import java.util.List;

/**
 * A melody's code as the workbench uses it: {@code code}, the refined code (the posterior mean when
 * refinement was off or could not improve on it), and {@code mean}, the encoder's posterior mean. A
 * hierarchical decoder's refinement may also move each bar's embedding ({@link LatentCode#barOffsets()}):
 * then the code decodes to the melody only with its offsets, and {@link #z()} alone is an approximation.
 *
 * @param code     the code to decode from
 * @param mean     the posterior mean {@code mu} (what magenta.js {@code encode} returns)
 * @param exact    whether argmax decoding of {@code code} gives the melody back, step for step
 * @param mistakes steps whose teacher-forced argmax from {@code code} is not the melody's (0 when exact)
 * @param steps    gradient steps taken (0 = the mean)
 * @param millis   wall-clock time from the start of the encoding until this melody was done (in a batch:
 *                 of the whole batch's work until then)
 */
public record Encoding(LatentCode code, LatentVector mean, boolean exact, int mistakes, int steps, double millis) {

    /** An encoding by z alone. */
    public Encoding(LatentVector z, LatentVector mean, boolean exact, int mistakes, int steps, double millis) {
        this(z == null ? null : LatentCode.of(z), mean, exact, mistakes, steps, millis);
    }

    public Encoding {
        if (code == null || mean == null) {
            throw new IllegalArgumentException("an encoding needs its code and its posterior mean");
        }
        if (code.z().size() != mean.size()) {
            throw new IllegalArgumentException("code and mean sizes differ: " + code.z().size() + " vs " + mean.size());
        }
        if (mistakes < 0 || steps < 0 || !(millis >= 0)) {
            throw new IllegalArgumentException("mistakes " + mistakes + ", steps " + steps + " and time " + millis
                    + " ms must not be negative");
        }
    }

    /** The code's z (with bar offsets, not the whole code: see {@link #code()}). */
    public LatentVector z() {
        return code.z();
    }

    public List<LatentVector> barOffsets() {
        return code.barOffsets();
    }

    /** Whether decoding needs the bar offsets besides z. */
    public boolean hasBarOffsets() {
        return code.hasBarOffsets();
    }
}
