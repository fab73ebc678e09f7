package org.melodypalette.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

/**
 * Measures the heap bytes the current thread allocates while reading an input, so that fuzz tests
 * can assert that a reader checks declared sizes before allocating (a file claiming gigabytes is
 * refused without allocating them). HotSpot counts allocation per thread; no timing is involved.
 */
public final class Allocations {

    /** Something that reads an input; it may throw whatever the reader throws. */
    @FunctionalInterface
    public interface Read {
        void run() throws Exception;
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Allocations() {
    }

    /**
     * Runs {@code read} and asserts that it allocated at most {@code budget} bytes. A first run over
     * budget is repeated once and only the repeat counts: the first run of a new code path may load
     * (and, when fuzzing, instrument) classes, which is not what reading allocates.
     */
    public static void assertAtMost(long budget, String what, Read read) throws Exception {
        long allocated = allocatedBy(read);
        if (allocated > budget) {
            allocated = allocatedBy(read);
        }
        assertThat(allocated).as("bytes allocated %s", what).isLessThanOrEqualTo(budget);
    }

    private static long allocatedBy(Read read) throws Exception {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        read.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }
}
