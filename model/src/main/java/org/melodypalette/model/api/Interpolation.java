package org.melodypalette.model.api;

/** How to walk between two latent points. */
public enum Interpolation {
    /** Straight line: {@code (1 − t)·a + t·b}. */
    LERP,
    /** Great-circle path, keeping the norm typical of prior samples (Magenta's slerp). */
    SLERP
}
