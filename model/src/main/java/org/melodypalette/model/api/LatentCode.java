package org.melodypalette.model.api;

import java.util.ArrayList;
import java.util.List;

/**
 * A code to decode from: {@code z} and, for a hierarchical decoder refined bar by bar, one offset
 * per bar that decoding adds to the conductor's embedding of that bar ({@code conductor(z)[s] +
 * barOffsets[s]} conditions bar s's note decoder). Without offsets it is z alone, what magenta.js
 * decodes.
 *
 * @param z          the latent vector
 * @param barOffsets one per bar, all of the bar embedding's size; empty = none
 */
public record LatentCode(LatentVector z, List<LatentVector> barOffsets) {

    public LatentCode {
        if (z == null || barOffsets == null) {
            throw new IllegalArgumentException("a code needs its z and its list of bar offsets (empty for none)");
        }
        barOffsets = List.copyOf(barOffsets);
        for (LatentVector bar : barOffsets) {
            if (bar.size() != barOffsets.get(0).size()) {
                throw new IllegalArgumentException("bar offsets of sizes " + barOffsets.get(0).size() + " and "
                        + bar.size() + " in one code");
            }
        }
    }

    /** z alone. */
    public static LatentCode of(LatentVector z) {
        return new LatentCode(z, List.of());
    }

    public boolean hasBarOffsets() {
        return !barOffsets.isEmpty();
    }

    /** The offsets bar after bar, {@code [S·E]}, as the decoder takes them; null when there are none. */
    public float[] barOffsetArray() {
        if (barOffsets.isEmpty()) {
            return null;
        }
        int size = barOffsets.get(0).size();
        float[] out = new float[barOffsets.size() * size];
        for (int s = 0; s < barOffsets.size(); s++) {
            System.arraycopy(barOffsets.get(s).toArray(), 0, out, s * size, size);
        }
        return out;
    }

    /**
     * The code at {@code t} of the way from a to b: z by {@code mode} ({@link LatentMath#between}), each
     * bar's offset linearly (a code without offsets counts as offsets of 0), so that {@code t = 0} and
     * {@code 1} decode as a and b do.
     */
    public static LatentCode between(LatentCode a, LatentCode b, double t, Interpolation mode) {
        LatentVector z = LatentMath.between(a.z, b.z, t, mode);
        if (!a.hasBarOffsets() && !b.hasBarOffsets()) {
            return of(z);
        }
        LatentCode shape = a.hasBarOffsets() ? a : b;
        List<LatentVector> bars = new ArrayList<>(shape.barOffsets.size());
        for (int s = 0; s < shape.barOffsets.size(); s++) {
            bars.add(LatentMath.lerp(a.bar(s, shape), b.bar(s, shape), t));
        }
        return new LatentCode(z, bars);
    }

    /**
     * Bilinear blend of four codes, as {@link LatentMath#bilinear} blends their z, with each bar's offset
     * blended the same way (a code without offsets counts as offsets of 0): the corners decode as a
     * = (0,0), b = (1,0), c = (0,1) and d = (1,1) do.
     */
    public static LatentCode bilinear(LatentCode a, LatentCode b, LatentCode c, LatentCode d, double u, double v) {
        return between(between(a, b, u, Interpolation.LERP), between(c, d, u, Interpolation.LERP), v,
                Interpolation.LERP);
    }

    /** Bar s's offset, or zeros of {@code shape}'s size when this code has none. */
    private LatentVector bar(int s, LatentCode shape) {
        if (!hasBarOffsets()) {
            return new LatentVector(new float[shape.barOffsets.get(s).size()]);
        }
        if (barOffsets.size() != shape.barOffsets.size() || barOffsets.get(s).size() != shape.barOffsets.get(s).size()) {
            throw new IllegalArgumentException("codes with " + barOffsets.size() + " and " + shape.barOffsets.size()
                    + " bar offsets of different sizes cannot be interpolated");
        }
        return barOffsets.get(s);
    }
}
