package org.melodypalette.model.infer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the fastest {@link Kernel} this JVM can run. */
final class Kernels {

    /** {@code -Dpalette.kernel=scalar} forces the plain-Java kernel (tests, comparisons). */
    static final String PROPERTY = "palette.kernel";
    /** {@code -Dpalette.inference.threads=N} overrides the thread count (default: see {@link #threads()}). */
    static final String THREADS_PROPERTY = "palette.inference.threads";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);

    private Kernels() {
    }

    /**
     * {@link VectorKernel} when the JVM was started with {@code --add-modules jdk.incubator.vector},
     * else {@link ScalarKernel} (with a warning: several times slower).
     */
    static Kernel best() {
        return best(threads());
    }

    /** The fastest kernel with a team of {@code threads}. */
    static Kernel best(int threads) {
        if ("scalar".equals(System.getProperty(PROPERTY))) {
            return scalar();
        }
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
            try {
                // Reflection keeps this class loadable when the incubator module is absent.
                GroupKernel vector = (GroupKernel) Class.forName(Kernels.class.getPackageName() + ".VectorKernel")
                        .getDeclaredConstructor(int.class).newInstance(threads);
                return new Kernel(vector, threads);
            } catch (ReflectiveOperationException | LinkageError e) {
                LOG.warn("Vector API kernel unavailable ({}); using the slower scalar kernel", e.toString());
                return scalar();
            }
        }
        LOG.warn("JVM started without --add-modules {}: inference uses the slower scalar kernel", VECTOR_MODULE);
        return scalar();
    }

    static Kernel scalar() {
        int threads = threads();
        return new Kernel(new ScalarKernel(threads), threads);
    }

    /**
     * Two threads when the machine has at least 2 cores, else one. Each core then keeps its half
     * of the weights in its own L2 cache, where one core alone streams them from L3 at every step:
     * on an idle 2-core machine a mel_2bar_small decode took 1.2-1.5 ms instead of 4.0-4.8 ms.
     * When another process keeps a core busy, {@link Team} backs off to one thread by itself
     * (docs/measurements/bench/team-back-off.txt).
     */
    private static int threads() {
        int configured = Integer.getInteger(THREADS_PROPERTY, 0);
        if (configured > 0) {
            return Math.min(configured, 16);
        }
        return Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1;
    }
}
