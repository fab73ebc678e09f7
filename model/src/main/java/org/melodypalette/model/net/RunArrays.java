package org.melodypalette.model.net;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.AbstractMemoryMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A SameDiff session memory manager that keeps every array it hands out until {@link #closeAll},
 * which frees them at once (arrays the session releases earlier are freed then).
 *
 * <p>Why: DL4J 1.0.0-M2.1's {@code calculateGradientsAndOutputs} turns off array release in its
 * gradient session ({@code setEnableCache(false)}), so every intermediate array of a training step
 * (about 4,200 per mel_2bar_cpu step) waits for the garbage collector, which does not see native
 * memory: without a collection per step, resident memory grew by about 700 MB per step.
 */
final class RunArrays extends AbstractMemoryMgr {

    /** SameDiff's name for the gradient function it derives from the loss. */
    private static final String GRADIENT_FUNCTION = "grad";

    private final Set<INDArray> live = Collections.newSetFromMap(new IdentityHashMap<>());

    private RunArrays() {
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
        return track(Nd4j.createUninitialized(dataType, shape));
    }

    @Override
    public INDArray allocate(boolean detached, LongShapeDescriptor descriptor) {
        return track(Nd4j.create(descriptor, false));
    }

    private INDArray track(INDArray array) {
        live.add(array);
        return array;
    }

    @Override
    public void release(INDArray array) {
        if (live.remove(array) && array.closeable()) {
            array.close();
        }
    }

    /** Frees every array handed out since the last call; none of them may be used afterwards. */
    void closeAll() {
        for (INDArray array : live) {
            if (array.closeable()) {
                array.close();
            }
        }
        live.clear();
    }

    @Override
    public void close() {
        closeAll();
    }
}
