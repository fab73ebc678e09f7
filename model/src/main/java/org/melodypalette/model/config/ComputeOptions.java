package org.melodypalette.model.config;

/**
 * How the model's math runs: which engine computes a training step, which CPU kernel and how many
 * inference threads. The only place that reads the {@code -D} overrides ({@link #fromSystemProperties}).
 *
 * @param engine           the training step's engine
 * @param kernel           the CPU arithmetic of inference and of the hand-written training step
 * @param inferenceThreads threads of the inference kernel; 0 = two where the machine has at least two cores, else
 *                         one (each core then keeps its half of the weights in its own cache; the kernel's thread
 *                         team falls back to one thread by itself while another process keeps a core busy)
 */
public record ComputeOptions(Engine engine, Kernel kernel, int inferenceThreads) {

    /** {@code -Dpalette.training.engine=graph|hand-written} overrides {@link #engine}. */
    public static final String ENGINE_PROPERTY = "palette.training.engine";
    /** {@code -Dpalette.kernel=scalar|vector} overrides {@link #kernel}. */
    public static final String KERNEL_PROPERTY = "palette.kernel";
    /** {@code -Dpalette.inference.threads=N} overrides {@link #inferenceThreads}. */
    public static final String THREADS_PROPERTY = "palette.inference.threads";
    /** The most inference threads a model starts. */
    public static final int MAX_INFERENCE_THREADS = 16;

    /** The engine of a training step. */
    public enum Engine {
        /** The hand-written step on ND4J's CPU backend, the SameDiff graph on any other (a GPU). */
        AUTO,
        /** The hand-written step on float arrays ({@code model.backprop}). */
        HAND_WRITTEN,
        /** The SameDiff graph ({@code model.net}). */
        GRAPH
    }

    /** The CPU arithmetic. */
    public enum Kernel {
        /** The Vector API where the JVM has {@code jdk.incubator.vector}, else plain Java. */
        AUTO,
        /** The Vector API (plain Java, with a warning, where the JVM lacks it). */
        VECTOR,
        /** Plain Java: slower, the reference in tests. */
        SCALAR
    }

    public ComputeOptions {
        if (engine == null || kernel == null) {
            throw new IllegalArgumentException("an engine and a kernel are required");
        }
        if (inferenceThreads < 0 || inferenceThreads > MAX_INFERENCE_THREADS) {
            throw new IllegalArgumentException("inference threads " + inferenceThreads + " outside 0.."
                    + MAX_INFERENCE_THREADS + " (0 = automatic)");
        }
    }

    /** Everything automatic, whatever the system properties say. */
    public static final ComputeOptions AUTOMATIC = new ComputeOptions(Engine.AUTO, Kernel.AUTO, 0);

    /** {@link #AUTOMATIC} with the {@code -D} overrides of this JVM applied. */
    public static ComputeOptions fromSystemProperties() {
        Engine engine = switch (System.getProperty(ENGINE_PROPERTY, "")) {
            case "graph" -> Engine.GRAPH;
            case "hand-written", "handwritten" -> Engine.HAND_WRITTEN;
            default -> Engine.AUTO;
        };
        Kernel kernel = switch (System.getProperty(KERNEL_PROPERTY, "")) {
            case "scalar" -> Kernel.SCALAR;
            case "vector" -> Kernel.VECTOR;
            default -> Kernel.AUTO;
        };
        int threads = Math.max(0, Math.min(Integer.getInteger(THREADS_PROPERTY, 0), MAX_INFERENCE_THREADS));
        return new ComputeOptions(engine, kernel, threads);
    }

    public ComputeOptions withEngine(Engine engine) {
        return new ComputeOptions(engine, kernel, inferenceThreads);
    }

    public ComputeOptions withKernel(Kernel kernel) {
        return new ComputeOptions(engine, kernel, inferenceThreads);
    }

    public ComputeOptions withInferenceThreads(int threads) {
        return new ComputeOptions(engine, kernel, threads);
    }

    /** The inference kernel's threads: {@link #inferenceThreads}, or 2 where there are at least 2 cores, else 1. */
    public int resolvedInferenceThreads() {
        if (inferenceThreads > 0) {
            return inferenceThreads;
        }
        return Runtime.getRuntime().availableProcessors() >= 2 ? 2 : 1;
    }
}
