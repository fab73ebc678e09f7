package org.melodypalette.model.infer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the fastest {@link Kernel} this JVM can run. */
final class Kernels {

    /** {@code -Dpalette.kernel=scalar} forces the plain-Java kernel (tests, comparisons). */
    static final String PROPERTY = "palette.kernel";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final Logger LOG = LoggerFactory.getLogger(Kernels.class);

    private Kernels() {
    }

    /**
     * {@link VectorKernel} when the JVM was started with {@code --add-modules jdk.incubator.vector},
     * else {@link ScalarKernel} (with a warning: several times slower).
     */
    static Kernel best() {
        if ("scalar".equals(System.getProperty(PROPERTY))) {
            return new ScalarKernel();
        }
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
            try {
                // Reflection keeps this class loadable when the incubator module is absent.
                return (Kernel) Class.forName(Kernels.class.getPackageName() + ".VectorKernel")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                LOG.warn("Vector API kernel unavailable ({}); using the slower scalar kernel", e.toString());
                return new ScalarKernel();
            }
        }
        LOG.warn("JVM started without --add-modules {}: inference uses the slower scalar kernel", VECTOR_MODULE);
        return new ScalarKernel();
    }

    static Kernel scalar() {
        return new ScalarKernel();
    }
}
