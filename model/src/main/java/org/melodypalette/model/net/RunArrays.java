package org.melodypalette.model.net;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.AbstractMemoryMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A SameDiff session memory manager that keeps every array it hands out until {@link #closeAll},
 * which takes them all back for the next run: a training step runs the same ops on the same
 * shapes every time, so each step gets the previous step's buffers instead of new ones. Arrays a
 * run did not take back by its end (another batch size, an evaluation run) are freed then, so
 * at most one run's arrays are kept between runs; {@link #close} frees everything.
 *
 * <p>Why: DL4J 1.0.0-M2.1's {@code calculateGradientsAndOutputs} turns off array release in its
 * gradient session ({@code setEnableCache(false)}), so every intermediate array of a training step
 * (about 4,200 per mel_2bar_cpu step) waits for the garbage collector, which does not see native
 * memory: without a collection per step, resident memory grew by about 700 MB per step. Freeing
 * them at the end of the step bounds memory; reusing them also saves allocating, page-faulting and
 * freeing each step's native buffers, which was about 15% of a mel_2bar_cpu step's CPU time
 * (docs/measurements/training-throughput.txt). Reused buffers are not cleared, as SameDiff's own
 * allocations are not (every op writes its whole output).
 */
final class RunArrays extends AbstractMemoryMgr {

    /** SameDiff's name for the gradient function it derives from the loss. */
    private static final String GRADIENT_FUNCTION = "grad";

    /** Type and shape of a dense, c-ordered array: arrays of one layout are interchangeable. */
    private record Layout(DataType dataType, List<Long> shape) {
    }

    /** Handed out and not yet returned; the layout is null for arrays that are freed, not reused. */
    private final Map<INDArray, Layout> live = new IdentityHashMap<>();
    /** Returned by the previous run (or released in this one), free to hand out. */
    private Map<Layout, ArrayDeque<INDArray>> idle = new HashMap<>();
    /** Returned in this run, for the next. */
    private Map<Layout, ArrayDeque<INDArray>> returned = new HashMap<>();

    RunArrays() {
    }

    /**
     * A new manager for the current thread's sessions of {@code sd} and of its gradient function
     * (created here if it does not exist yet); sessions are per thread in SameDiff.
     */
    static RunArrays installOnCurrentThread(SameDiff sd) {
        if (sd.getFunction(GRADIENT_FUNCTION) == null) {
            createGradientFunctionQuietly(sd);
        }
        RunArrays arrays = new RunArrays();
        for (SameDiff function : List.of(sd, sd.getFunction(GRADIENT_FUNCTION))) {
            InferenceSession session = new InferenceSession(function);
            session.setMmgr(arrays);
            function.getSessions().put(Thread.currentThread().getId(), session);
        }
        return arrays;
    }

    /**
     * The current thread's sessions of {@code sd} and of its gradient function as they are now (either
     * may be absent), to put back after {@link #installOnCurrentThread} swapped in others.
     */
    static Runnable restorerOfCurrentThreadSessions(SameDiff sd) {
        long thread = Thread.currentThread().getId();
        Map<SameDiff, InferenceSession> saved = new IdentityHashMap<>();
        for (SameDiff function : functions(sd)) {
            saved.put(function, function.getSessions().get(thread));
        }
        return () -> {
            for (SameDiff function : functions(sd)) {
                InferenceSession session = saved.get(function);
                if (session == null) {
                    function.getSessions().remove(thread);
                } else {
                    function.getSessions().put(thread, session);
                }
            }
        };
    }

    /** {@code sd} and its gradient function, if it has been derived. */
    private static List<SameDiff> functions(SameDiff sd) {
        SameDiff gradient = sd.getFunction(GRADIENT_FUNCTION);
        return gradient == null ? List.of(sd) : List.of(sd, gradient);
    }

    /**
     * DL4J 1.0.0-M2.1's {@code createGradFunction} prints one line per differentiated op to
     * {@code System.out} (about 1,300 for mel_2bar_cpu), burying the CLI's progress line and any
     * output a script reads; standard output is swapped for a null stream during the call.
     */
    private static synchronized void createGradientFunctionQuietly(SameDiff sd) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(out);
        }
    }

    @Override
    public INDArray allocate(boolean detached, DataType dataType, long... shape) {
        Layout layout = new Layout(dataType, Arrays.stream(shape).boxed().toList());
        INDArray reused = take(layout);
        return track(reused != null ? reused : Nd4j.createUninitialized(dataType, shape), layout);
    }

    @Override
    public INDArray allocate(boolean detached, LongShapeDescriptor descriptor) {
        boolean dense = !descriptor.isEmpty() && descriptor.getOrder() == 'c'
                && Arrays.equals(descriptor.getStride(), Nd4j.getStrides(descriptor.getShape(), 'c'));
        if (!dense) {
            return track(Nd4j.create(descriptor, false), null);
        }
        Layout layout = new Layout(descriptor.dataType(), Arrays.stream(descriptor.getShape()).boxed().toList());
        INDArray reused = take(layout);
        return track(reused != null ? reused : Nd4j.create(descriptor, false), layout);
    }

    private INDArray take(Layout layout) {
        ArrayDeque<INDArray> arrays = idle.get(layout);
        return arrays == null ? null : arrays.poll();
    }

    private INDArray track(INDArray array, Layout layout) {
        live.put(array, layout);
        return array;
    }

    /** The session is done with {@code array}: later allocations of this run may reuse it. */
    @Override
    public void release(INDArray array) {
        if (!live.containsKey(array)) {
            return;
        }
        Layout layout = live.remove(array);
        if (layout == null) {
            free(array);
        } else {
            idle.computeIfAbsent(layout, l -> new ArrayDeque<>()).add(array);
        }
    }

    /**
     * Ends a run: every array handed out since the last call is taken back (none of them may be
     * used afterwards) and kept for the next run; arrays kept from the last run that this one did
     * not reuse are freed.
     */
    void closeAll() {
        for (Map.Entry<INDArray, Layout> entry : live.entrySet()) {
            if (entry.getValue() == null) {
                free(entry.getKey());
            } else {
                returned.computeIfAbsent(entry.getValue(), l -> new ArrayDeque<>()).add(entry.getKey());
            }
        }
        live.clear();
        freeAll(idle);
        idle = returned;
        returned = new HashMap<>();
    }

    /** Frees every array, kept or handed out. */
    @Override
    public void close() {
        closeAll();
        freeAll(idle);
        idle = new HashMap<>();
    }

    private static void freeAll(Map<Layout, ArrayDeque<INDArray>> arrays) {
        for (ArrayDeque<INDArray> same : arrays.values()) {
            same.forEach(RunArrays::free);
        }
    }

    /** Frees each array that is not a view of another's buffer (those are freed with their owner). */
    static void free(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (array.closeable()) {
                array.close();
            }
        }
    }
}
