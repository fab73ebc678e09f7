package org.melodypalette.model.backprop;

/**
 * Scheduled sampling's random choices for one batch, row-major: the teacher mask {@code [B, T]}
 * (1 = the true previous label, 0 = the model's own sample) and Gumbel noise {@code [B, T, C]}
 * (read where the mask is 0). Holds the caller's arrays, read only.
 */
public final class SamplingInputs {

    private final float[] teacherMask;
    private final float[] noise;

    public SamplingInputs(float[] teacherMask, float[] noise) {
        if (teacherMask == null || noise == null) {
            throw new IllegalArgumentException("scheduled sampling needs a teacher mask and noise");
        }
        this.teacherMask = teacherMask;
        this.noise = noise;
    }

    float[] teacherMask() {
        return teacherMask;
    }

    float[] noise() {
        return noise;
    }
}
