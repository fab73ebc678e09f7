package org.melodypalette.model.backprop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the fastest {@link Arithmetic} this JVM can run. */
final class Arithmetics {

    /** {@code -Dpalette.kernel=scalar} forces plain Java, as it does for the inference kernel. */
    static final String PROPERTY = "palette.kernel";
    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final Logger LOG = LoggerFactory.getLogger(Arithmetics.class);

    private Arithmetics() {
    }

    /**
     * {@link VectorArithmetic} when the JVM was started with {@code --add-modules jdk.incubator.vector},
     * else {@link ScalarArithmetic} (with a warning: its products are many times slower).
     */
    static Arithmetic best() {
        if ("scalar".equals(System.getProperty(PROPERTY))) {
            return new ScalarArithmetic();
        }
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
            try {
                // Reflection keeps this class loadable when the incubator module is absent.
                return (Arithmetic) Class.forName(Arithmetics.class.getPackageName() + ".VectorArithmetic")
                        .getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError e) {
                LOG.warn("Vector API arithmetic unavailable ({}); training uses the slower scalar one", e.toString());
                return new ScalarArithmetic();
            }
        }
        LOG.warn("JVM started without --add-modules {}: training uses the slower scalar arithmetic", VECTOR_MODULE);
        return new ScalarArithmetic();
    }
}
