package org.melodypalette.datasets;

import java.nio.charset.StandardCharsets;

/**
 * Assigns whole source files to the train or eval split by a stable hash of their path relative
 * to the corpus root, so that no song is in both splits and the split does not depend on the
 * machine, the file order or the other files present.
 */
public final class SplitAssigner {

    /** The two splits of a dataset. */
    public enum Split { TRAIN, EVAL }

    private final int evalPerMille;

    /** @param evalFraction share of files that go to eval, e.g. 0.1 */
    public SplitAssigner(double evalFraction) {
        if (!(evalFraction >= 0 && evalFraction < 1)) {
            throw new IllegalArgumentException("evalFraction " + evalFraction + " is outside [0, 1)");
        }
        this.evalPerMille = (int) Math.round(evalFraction * 1000);
    }

    /** The split of a file, from its corpus-relative path with '/' separators. */
    public Split splitOf(String relativePath) {
        return Long.remainderUnsigned(mix(fnv1a64(relativePath)), 1000) < evalPerMille ? Split.EVAL : Split.TRAIN;
    }

    /**
     * MurmurHash3's 64-bit finaliser: FNV-1a alone spreads similar short names ("001/001.mid",
     * "002/002.mid", …) poorly over the remainder mod 1000 (69 of POP909's 909 files fell under
     * 10% instead of about 91).
     */
    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb93fe1a85ec3L;
        k ^= k >>> 33;
        return k;
    }

    /** 64-bit FNV-1a over the UTF-8 bytes: stable across JVMs, unlike String.hashCode's spread. */
    static long fnv1a64(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
