package org.melodypalette.model.infer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The calling thread plus {@code threads − 1} workers sharing the chunks of one kernel call.
 *
 * <p>Each thread owns a fixed contiguous range of chunks, so the same weights stay in the same
 * core's cache from step to step, and after its own it steals the others' unclaimed chunks from
 * the far end: a worker the OS has descheduled (other processes, GC, the UI) costs at most the
 * chunk it has claimed, never a whole barrier. Workers spin only inside a {@link #begin()}/
 * {@link #end()} session (one model call, milliseconds) and park between sessions.
 *
 * <p>On a machine whose cores are busy with other work, a worker preempted in the middle of a
 * chunk still stalls the caller for a scheduler time slice. So the team adapts: one wait longer
 * than {@value #STALL_MICROS} µs (a chunk takes a few µs to tens of µs) switches the rest of the
 * session to the calling thread alone. Even an idle machine stalls a session now and then (a
 * collection, a compilation, the hypervisor); other work on the cores stalls every one, so after
 * {@value #STALLED_SESSIONS_TO_BACK_OFF} stalled sessions in a row the following sessions also run
 * alone for a back-off period (doubling from {@value #MIN_SOLO_MILLIS} ms up to
 * {@value #MAX_SOLO_MILLIS} ms while contention lasts); then the next session tries the workers
 * again. Why not back off after the first stall: docs/measurements/bench/team-back-off.txt.
 */
final class Team implements AutoCloseable {

    /** One parallel region: its work and the claim state of its chunks. Never reused, so a late worker cannot claim a new region's chunk with old work. */
    private record Region(Work work, int chunks, AtomicIntegerArray claimed, AtomicInteger done,
                          AtomicReference<RuntimeException> failure) {
    }

    /** A piece of work split into chunks; {@code slot} is the running thread's index (its scratch space). */
    interface Work {
        void chunk(int index, int slot);
    }

    static final long STALL_MICROS = 300;
    /** Consecutive sessions with a stall before the team backs off. */
    static final int STALLED_SESSIONS_TO_BACK_OFF = 3;
    static final long MIN_SOLO_MILLIS = 100;
    static final long MAX_SOLO_MILLIS = 1000;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private final int threads;
    private final Thread[] workers;
    private volatile Region current;
    private volatile boolean active;
    private volatile boolean closed;

    /** Owner-thread state of the adaptive policy. */
    private boolean stalled;
    private int stalledSessions;
    private long sessionStart;
    private long sessionCpuStart;
    private long soloUntil = System.nanoTime();
    private long soloNanos = MIN_SOLO_MILLIS * 1_000_000;

    Team(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("a team needs at least one thread, not " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            int slot = i + 1;
            workers[i] = new Thread(() -> workLoop(slot), "palette-inference-" + slot);
            workers[i].setDaemon(true);
            workers[i].start();
        }
    }

    int threads() {
        return threads;
    }

    /**
     * Starts a session: workers wake up and spin for work until {@link #end()}; unless the team is
     * in a solo back-off period, in which case everything runs on the calling thread.
     */
    void begin() {
        long now = System.nanoTime();
        if (threads == 1 || now - soloUntil < 0) {
            return;
        }
        stalled = false;
        active = true;
        sessionStart = now;
        sessionCpuStart = CPU.getCurrentThreadCpuTime();
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
    }

    /** Whether sessions started now would run on the calling thread alone (a back-off period). */
    boolean backingOff() {
        return threads > 1 && System.nanoTime() - soloUntil < 0;
    }

    /**
     * Ends the session. A session in which the calling thread itself was off its core for longer
     * than a stall counts as stalled too: when another process keeps one core busy, the scheduler
     * may leave the caller there and the worker spinning on the free one, and no wait inside a
     * region shows it.
     */
    void end() {
        if (active && !stalled) {
            long now = System.nanoTime();
            long offCore = (now - sessionStart) - (CPU.getCurrentThreadCpuTime() - sessionCpuStart);
            if (offCore > STALL_MICROS * 1000) {
                goSolo(now);
            } else {
                stalledSessions = 0;
                soloNanos = MIN_SOLO_MILLIS * 1_000_000;
            }
        }
        active = false;
    }

    /** A thread was preempted: the rest of this session runs solo, and a back-off period if stalls persist. */
    private void goSolo(long now) {
        stalled = true;
        active = false;
        if (++stalledSessions >= STALLED_SESSIONS_TO_BACK_OFF) {
            soloUntil = now + soloNanos;
            soloNanos = Math.min(2 * soloNanos, MAX_SOLO_MILLIS * 1_000_000);
        }
    }

    /** Runs chunks {@code 0 .. chunks−1} of {@code work} on the team and returns when all are done. */
    void run(int chunks, Work work) {
        if (threads == 1 || !active || chunks < 2) {
            for (int c = 0; c < chunks; c++) {
                work.chunk(c, 0);
            }
            return;
        }
        Region region = new Region(work, chunks, new AtomicIntegerArray(chunks), new AtomicInteger(),
                new AtomicReference<>());
        current = region;
        process(region, 0);
        if (region.done.get() < chunks) {
            long start = System.nanoTime();
            while (region.done.get() < chunks) {
                Thread.onSpinWait();
            }
            long now = System.nanoTime();
            if (now - start > STALL_MICROS * 1000) {
                goSolo(now);
            }
        }
        if (region.failure.get() != null) {
            throw region.failure.get();
        }
    }

    private void workLoop(int slot) {
        Region seen = null;
        while (!closed) {
            Region region = current;
            if (region != null && region != seen) {
                seen = region;
                process(region, slot);
            } else if (active) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
            }
        }
    }

    /** Own chunks in order, then everyone else's from the far end. */
    private void process(Region region, int slot) {
        int from = region.chunks * slot / threads;
        int to = region.chunks * (slot + 1) / threads;
        for (int c = from; c < to; c++) {
            claim(region, c, slot);
        }
        for (int c = region.chunks - 1; c >= 0; c--) {
            if (c < from || c >= to) {
                claim(region, c, slot);
            }
        }
    }

    private static void claim(Region region, int chunk, int slot) {
        if (region.claimed.get(chunk) == 0 && region.claimed.compareAndSet(chunk, 0, 1)) {
            try {
                region.work.chunk(chunk, slot);
            } catch (RuntimeException e) {
                region.failure.compareAndSet(null, e);
            } finally {
                region.done.incrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread worker : workers) {
            LockSupport.unpark(worker);
        }
    }
}
