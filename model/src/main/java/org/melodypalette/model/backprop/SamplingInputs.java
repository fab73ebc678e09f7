package org.melodypalette.model.backprop;

/**
 * Scheduled sampling's random choices for one batch, row-major: {@code teacherMask [B, T]} (1 = the
 * true previous label, 0 = the model's own sample) and Gumbel {@code noise [B, T, C]} (read where
 * the mask is 0).
 */
public record SamplingInputs(float[] teacherMask, float[] noise) {
}
