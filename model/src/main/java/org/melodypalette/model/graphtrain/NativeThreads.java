package org.melodypalette.model.graphtrain;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Caps the native threads ND4J uses per op (its own pool, OpenMP and OpenBLAS). On a 2-core
 * machine shared with other work, one thread can be several times faster than two: the ops of a
 * MusicVAE step are small, and spinning worker threads lose badly when the cores are
 * oversubscribed. {@code OMP_NUM_THREADS} set before the
 * JVM starts has the same effect.
 */
public final class NativeThreads {

    private NativeThreads() {
    }

    /** Limits native threads to {@code threads} (at least 1). */
    public static void limit(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads " + threads + " must be at least 1");
        }
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }
}
