package org.melodypalette.model.graphtrain;

import org.bytedeco.javacpp.Pointer;

/** The memory a training run may use at most: the Java heap plus ND4J's off-heap limit (JavaCPP's maxBytes). */
public final class MemoryBudget {

    private MemoryBudget() {
    }

    /** Heap ({@code -Xmx}) plus {@code org.bytedeco.javacpp.maxBytes}: whichever engine trains, it has no more. */
    public static long usableBytes() {
        return Runtime.getRuntime().maxMemory() + Math.max(0, Pointer.maxBytes());
    }
}
