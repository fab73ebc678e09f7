package org.melodypalette.model.train;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.OpContext;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Benchmark-only: the training thread's CPU time per op type during gradient runs (from just
 * before an op executes to just after), and the rest of the run — SameDiff's own per-op work
 * outside op execution. The listener's calls add a little to both.
 */
final class OpTimeProfile extends BaseListener {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<String, long[]> countAndNanos = new HashMap<>();
    private long opStart;
    private long runStart;
    private long runNanos;
    private int runs;

    @Override
    public boolean isActive(Operation operation) {
        return operation == Operation.TRAINING;
    }

    @Override
    public void operationStart(SameDiff sd, Operation operation) {
        runStart = THREADS.getCurrentThreadCpuTime();
    }

    @Override
    public void operationEnd(SameDiff sd, Operation operation) {
        runNanos += THREADS.getCurrentThreadCpuTime() - runStart;
        runs++;
    }

    @Override
    public void preOpExecution(SameDiff sd, At at, SameDiffOp op, OpContext context) {
        opStart = THREADS.getCurrentThreadCpuTime();
    }

    @Override
    public void opExecution(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, OpContext context,
                            INDArray[] outputs) {
        long[] entry = countAndNanos.computeIfAbsent(op.getOp().opName(), name -> new long[2]);
        entry[0]++;
        entry[1] += THREADS.getCurrentThreadCpuTime() - opStart;
    }

    /** One line per op type above 1% of a run, then the per-run totals. */
    List<String> report() {
        List<String> lines = new ArrayList<>();
        long opNanos = 0;
        long opCount = 0;
        for (long[] entry : countAndNanos.values()) {
            opCount += entry[0];
            opNanos += entry[1];
        }
        List<Map.Entry<String, long[]>> byTime = new ArrayList<>(countAndNanos.entrySet());
        byTime.sort((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]));
        for (Map.Entry<String, long[]> e : byTime) {
            if (e.getValue()[1] > runNanos / 100) {
                lines.add(String.format("%-24s %6d ops/run %8.1f ms/run", e.getKey(), e.getValue()[0] / runs,
                        e.getValue()[1] / 1e6 / runs));
            }
        }
        lines.add(String.format("gradient run %.1f ms: %d ops executing %.1f ms, outside op execution %.1f ms"
                        + " (%.0f us per op)", runNanos / 1e6 / runs, opCount / runs, opNanos / 1e6 / runs,
                (runNanos - opNanos) / 1e6 / runs, (runNanos - opNanos) / 1e3 / opCount));
        return lines;
    }
}
