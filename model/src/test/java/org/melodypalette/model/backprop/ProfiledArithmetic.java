package org.melodypalette.model.backprop;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ModelConfig;

/**
 * Benchmark-only: the training step's {@link Arithmetic} with the calling thread's CPU time of every
 * call added up by phase and shape. A product's phase is named by its caller (the method of the pass
 * that asks for it) and its operand layout; its FLOPs are {@code 2·m·n·p}. The caller is found after
 * the clock is read, so the walk is not counted. Activations are only counted (calls and elements):
 * a call covers one gate of one row, far too short for the thread clock, whose own cost is
 * {@link #clockNanos}; {@link #activationNanosPerElement} times them in bulk instead. The LSTM cells'
 * elementwise work (activations included), a call per layer and time step, is timed call by call.
 */
public final class ProfiledArithmetic implements Arithmetic {

    /** Calls, CPU nanoseconds and FLOPs of one phase and shape. */
    public static final class Tally {
        public long calls;
        public long nanos;
        public double flops;

        void add(long dn, double df) {
            calls++;
            nanos += dn;
            flops += df;
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final StackWalker WALKER = StackWalker.getInstance();

    private final Arithmetic inner;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    private ProfiledArithmetic(Arithmetic inner) {
        this.inner = inner;
    }

    /** The arithmetic {@code kernel} asks for, profiled. */
    public static ProfiledArithmetic of(ComputeOptions.Kernel kernel) {
        return new ProfiledArithmetic(Arithmetic.create(kernel));
    }

    /** A training step on this arithmetic. */
    public MusicVaeBackprop backprop(ModelConfig config, Map<String, float[]> weights, int batch, int threads) {
        return MusicVaeBackprop.create(config, weights, batch, threads, this);
    }

    /** "phase | shape" → tally, sorted by key. */
    public Map<String, Tally> tallies() {
        return new TreeMap<>(tallies);
    }

    public void reset() {
        tallies.clear();
    }

    /**
     * CPU nanoseconds of summing two shards' gradients of these sizes and their blocks' squares
     * ({@link GradientSum}) on one thread; the step shares it out over its shard threads.
     */
    public static long gradientSumNanos(Map<String, float[]> weights, ComputeOptions.Kernel kernel) {
        GradientSum sum = new GradientSum(List.of(Parameters.zerosLike(weights), Parameters.zerosLike(weights)),
                new ParameterBlocks(weights, 1));
        long start = THREADS.getCurrentThreadCpuTime();
        sum.addBlocksOf(0, Arithmetic.create(kernel));
        return THREADS.getCurrentThreadCpuTime() - start;
    }

    /**
     * Single-thread GFLOPS (CPU time) of this arithmetic's product on {@code [m x p]·[p x n]},
     * the best of {@code rounds} rounds after as many unmeasured ones.
     */
    public static double productGflops(ComputeOptions.Kernel kernel, int m, int n, int p, int rounds) {
        Arithmetic math = Arithmetic.create(kernel);
        float[] a = new float[m * p];
        float[] b = new float[p * n];
        float[] c = new float[m * n];
        java.util.Arrays.fill(a, 0.5f);
        java.util.Arrays.fill(b, 0.25f);
        double best = 0;
        for (int r = 0; r < 2 * rounds; r++) {
            long start = THREADS.getCurrentThreadCpuTime();
            math.gemm(m, n, p, a, 0, p, 1, b, 0, n, c, 0, n, false);
            long nanos = THREADS.getCurrentThreadCpuTime() - start;
            if (r >= rounds && nanos > 0) {
                best = Math.max(best, 2.0 * m * n * p / nanos);
            }
        }
        return best;
    }

    @Override
    public void gemm(int m, int n, int p, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int ldb,
                     float[] c, int cOff, int ldc, boolean accumulate) {
        long start = THREADS.getCurrentThreadCpuTime();
        inner.gemm(m, n, p, a, aOff, aRow, aCol, b, bOff, ldb, c, cOff, ldc, accumulate);
        long nanos = THREADS.getCurrentThreadCpuTime() - start;
        boolean transposedA = aRow == 1 && p > 1;
        String phase = productPhase(caller(), n, transposedA);
        String shape = String.format("[%d x %d]%s . [%d x %d]", m, p, transposedA ? "(A^T)" : "", p, n);
        tallies.computeIfAbsent(phase + " | " + shape, k -> new Tally()).add(nanos, 2.0 * m * n * p);
    }

    @Override
    public PackedOperand pack(float[] b, int bOff, int ldb, int p, int n) {
        return inner.pack(b, bOff, ldb, p, n);
    }

    @Override
    public PackedOperand packTransposed(float[] b, int ldb, int fromRow, int toRow) {
        return inner.packTransposed(b, ldb, fromRow, toRow);
    }

    @Override
    public void gemm(int m, float[] a, int aOff, int aRow, int aCol, PackedOperand b, float[] c, int cOff, int ldc,
                     boolean accumulate) {
        long start = THREADS.getCurrentThreadCpuTime();
        inner.gemm(m, a, aOff, aRow, aCol, b, c, cOff, ldc, accumulate);
        long nanos = THREADS.getCurrentThreadCpuTime() - start;
        int n = b.cols();
        int p = b.rows();
        String phase = productPhase(caller(), n, false);
        String shape = String.format("[%d x %d] . [%d x %d] packed", m, p, p, n);
        tallies.computeIfAbsent(phase + " | " + shape, k -> new Tally()).add(nanos, 2.0 * m * n * p);
    }

    @Override
    public void add(float[] x, int xOff, float[] y, int yOff, int n) {
        inner.add(x, xOff, y, yOff, n);
    }

    @Override
    public void addRows(float[] a, int rowCount, int cols, float[] out) {
        inner.addRows(a, rowCount, cols, out);
    }

    @Override
    public void lstmCell(int rows, int hidden, float[] gates, int go, float[] c, int prev, int next, float[] tanhC,
                         int tc, float[] h) {
        long start = THREADS.getCurrentThreadCpuTime();
        inner.lstmCell(rows, hidden, gates, go, c, prev, next, tanhC, tc, h);
        long nanos = THREADS.getCurrentThreadCpuTime() - start;
        tallies.computeIfAbsent(String.format("LSTM cell elementwise, forward | [%d x %d]", rows, hidden),
                k -> new Tally()).add(nanos, 0);
    }

    @Override
    public void lstmCellBackward(int rows, int hidden, float[] gates, int go, float[] c, int prev, float[] tanhC,
                                 int tc, float[] dh, float[] dc, float[] gateGrads) {
        long start = THREADS.getCurrentThreadCpuTime();
        inner.lstmCellBackward(rows, hidden, gates, go, c, prev, tanhC, tc, dh, dc, gateGrads);
        long nanos = THREADS.getCurrentThreadCpuTime() - start;
        tallies.computeIfAbsent(String.format("LSTM cell elementwise, backward | [%d x %d]", rows, hidden),
                k -> new Tally()).add(nanos, 0);
    }

    @Override
    public void sigmoid(float[] a, int from, int to) {
        inner.sigmoid(a, from, to);
        tallies.computeIfAbsent("activations (sigmoid) | " + caller(), k -> new Tally()).add(0, to - from);
    }

    @Override
    public void tanh(float[] a, int from, int to) {
        inner.tanh(a, from, to);
        tallies.computeIfAbsent("activations (tanh) | " + caller(), k -> new Tally()).add(0, to - from);
    }

    /** The mean CPU cost of reading the thread clock once, which every timed call's figure includes once. */
    public static double clockNanos() {
        int reads = 20_000;
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < reads; i++) {
            THREADS.getCurrentThreadCpuTime();
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / (double) reads;
    }

    /** CPU ns per element of σ (or tanh) in calls of {@code width} elements, over many calls, after a warm-up. */
    public static double activationNanosPerElement(ComputeOptions.Kernel kernel, boolean sigmoid, int width) {
        Arithmetic math = Arithmetic.create(kernel);
        float[] a = new float[width * Math.max(1, (1 << 22) / width)];
        for (int i = 0; i < a.length; i++) {
            a[i] = (i % 97) / 16f - 3f;
        }
        long nanos = 0;
        for (int round = 0; round < 40; round++) {
            long start = THREADS.getCurrentThreadCpuTime();
            for (int r = 0; r < a.length; r += width) {
                if (sigmoid) {
                    math.sigmoid(a, r, r + width);
                } else {
                    math.tanh(a, r, r + width);
                }
            }
            if (round >= 20) {
                nanos += THREADS.getCurrentThreadCpuTime() - start;
            }
        }
        return nanos / (20.0 * a.length);
    }

    private static String caller() {
        return WALKER.walk(frames -> frames
                .filter(f -> !f.getClassName().equals(ProfiledArithmetic.class.getName()))
                .findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName())
                .orElse("?"));
    }

    /** The phase of a product asked for by {@code caller}; n is its output width. */
    private static String productPhase(String caller, int n, boolean transposedA) {
        if (transposedA) {
            return caller.startsWith("NoteDecoderPass.backward") ? "output projection, weight gradient"
                    : "weight-gradient products";
        }
        return switch (caller) {
            case "LstmTape.step" -> "recurrent products, forward";
            case "LstmTape.recurrentGradient" -> "recurrent products, backward (dh)";
            case "LstmStackTape.step" -> "input projections, forward";
            case "LstmStackTape.backStep", "NoteDecoderPass.layerZeroInputGradients" -> "input projections, backward (dx)";
            case "NoteDecoderPass.forward" -> n > 4 * 64 ? "input projections, forward (latent)" : "output projection, forward";
            case "NoteDecoderPass.backward" -> "output projection, backward (dh)";
            default -> "other products (" + caller + ")";
        };
    }
}
