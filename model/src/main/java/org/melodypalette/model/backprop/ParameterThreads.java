package org.melodypalette.model.backprop;

import java.util.List;
import java.util.function.Consumer;

/** The threads of a sharded training step, lent for the elementwise work on the parameters after it. */
public interface ParameterThreads {

    /**
     * Runs {@code work} once on every thread (the first on the caller's), each with its own blocks of
     * the parameters ({@link ParameterBlocks}): disjoint, together every parameter. Returns when all
     * have finished.
     */
    void forEachParameterSlice(Consumer<List<ParameterBlocks.Block>> work);
}
