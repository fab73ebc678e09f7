package org.melodypalette.model.cpu;

import static org.assertj.core.api.Assertions.assertThat;

import jdk.incubator.vector.FloatVector;
import org.junit.jupiter.api.Test;

/** The vector activations' tanh (deterministic whether or not the JIT has compiled it). */
class VectorActivationsTest {

    @Test
    void staysWithin4e7OfMathTanhAndIsOdd() {
        int lanes = FloatVector.SPECIES_PREFERRED.length();
        float[] in = new float[lanes];
        float[] out = new float[lanes];
        double worst = 0;
        for (int k = -120_000; k <= 120_000; k += lanes) {
            for (int l = 0; l < lanes; l++) {
                in[l] = (k + l) * 1e-4f;
            }
            System.arraycopy(in, 0, out, 0, lanes);
            VectorActivations.tanh(out, 0);
            for (int l = 0; l < lanes; l++) {
                worst = Math.max(worst, Math.abs(out[l] - Math.tanh(in[l])));
            }
        }
        assertThat(worst).isLessThan(4e-7);

        float[] signs = new float[lanes];
        for (int l = 0; l < lanes; l++) {
            signs[l] = l % 2 == 0 ? 0.75f : -0.75f;
        }
        VectorActivations.tanh(signs, 0);
        assertThat(signs[0]).isEqualTo(-signs[1]);
    }
}
