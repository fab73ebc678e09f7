package org.melodypalette.model.cpu;

import java.util.function.Supplier;
import org.melodypalette.model.config.ComputeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which arithmetic the CPU engines run on: the Vector API ({@code jdk.incubator.vector}, with
 * {@link FmaTile} and {@link VectorActivations}) or plain Java. The one backend selector of the
 * model: inference's kernel and the training step's arithmetic both come from {@link #create}.
 */
public enum Backend {
    VECTOR,
    SCALAR;

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);

    /** The backend {@code kernel} asks for; {@link #SCALAR} (with a warning) where the JVM lacks the module. */
    public static Backend choose(ComputeOptions.Kernel kernel) {
        if (kernel == ComputeOptions.Kernel.SCALAR) {
            return SCALAR;
        }
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent()) {
            return VECTOR;
        }
        LOG.warn("JVM started without --add-modules {}: the model runs on the slower scalar arithmetic",
                VECTOR_MODULE);
        return SCALAR;
    }

    /**
     * The implementation {@code kernel} asks for: {@code vector} on {@link #VECTOR}, else {@code scalar}.
     * The vector supplier is only called on {@link #VECTOR}, so its class (which needs the incubator
     * module) is never loaded without it; if it fails to load anyway, the scalar one is used.
     */
    public static <T> T create(ComputeOptions.Kernel kernel, Supplier<? extends T> vector,
                               Supplier<? extends T> scalar) {
        if (choose(kernel) == VECTOR) {
            try {
                return vector.get();
            } catch (LinkageError e) {
                LOG.warn("Vector API arithmetic unavailable ({}); using the slower scalar one", e.toString());
            }
        }
        return scalar.get();
    }
}
