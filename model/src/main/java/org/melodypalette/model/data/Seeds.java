package org.melodypalette.model.data;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from one seed, so that everything random in a training run
 * (data order, transpositions, latent noise) is a pure function of {@code (seed, step, stream)} and
 * a resumed run draws exactly what an uninterrupted one would.
 */
public final class Seeds {

    /** Stream for the per-epoch data permutation. */
    public static final long DATA_ORDER = 1;
    /** Stream for per-window transposition. */
    public static final long TRANSPOSE = 2;
    /** Stream for the reparameterisation noise {@code eps}. */
    public static final long LATENT_NOISE = 3;
    /** Stream for free-running sampling in evaluation. */
    public static final long SAMPLING = 4;

    private Seeds() {
    }

    /** A generator for {@code (seed, stream, index)}; equal arguments give equal sequences. */
    public static SplittableRandom random(long seed, long stream, long index) {
        return new SplittableRandom(mix(mix(mix(seed) ^ stream) ^ index));
    }

    /** SplitMix64's finaliser: a bijective scramble of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
