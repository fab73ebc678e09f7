package org.melodypalette.app.workbench.latent;

import java.util.Arrays;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Remembers the last few request-to-result latencies (e.g. slider move to decoded melody) and
 * summarises them as p50 / p95 in milliseconds. Used on the UI thread only.
 */
public final class LatencyMeter {

    private final long[] nanos;
    private int count;
    private int next;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");

    public LatencyMeter(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity + " must be positive");
        }
        nanos = new long[capacity];
    }

    public void record(long elapsedNanos) {
        nanos[next] = elapsedNanos;
        next = (next + 1) % nanos.length;
        count = Math.min(count + 1, nanos.length);
        summary.set(String.format("decode p50 %.0f ms · p95 %.0f ms (%d)", percentileMillis(50),
                percentileMillis(95), count));
    }

    public int count() {
        return count;
    }

    /** Nearest-rank percentile of the recorded latencies, in milliseconds (NaN when empty). */
    public double percentileMillis(double percentile) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(percentile / 100.0 * count);
        return sorted[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }

    /** "decode p50 … ms · p95 … ms (n)", empty until something was recorded. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
