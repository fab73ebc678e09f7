package org.melodypalette.model.cpu;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * tanh and the logistic sigmoid on one vector of {@link FloatVector#SPECIES_PREFERRED}, in place:
 * the activations of the inference kernel and of the training step's vector arithmetic, which
 * must agree. Loaded only where the JVM runs with {@code --add-modules jdk.incubator.vector}
 * (see {@link Backend}); {@link Activations} is the scalar counterpart.
 */
public final class VectorActivations {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** tanh is ±1 in float beyond this. */
    private static final float TANH_CLAMP = 7.90531110763549805f;
    /** Odd numerator of {@link #tanh} over x (coefficients of x^12 … x^0) and its even denominator. */
    private static final float[] TANH_NUMERATOR = {-2.76076847742355e-16f, 2.00018790482477e-13f,
        -8.60467152213735e-11f, 5.12229709037114e-08f, 1.48572235717979e-05f, 6.37261928875436e-04f,
        4.89352455891786e-03f};
    private static final float[] TANH_DENOMINATOR = {1.19825839466702e-06f, 1.18534705686654e-04f,
        2.26843463243900e-03f, 4.89352518554385e-03f};

    private VectorActivations() {
    }

    /** {@code σ(x) = 0.5 + 0.5·tanh(x / 2)} (exact as an identity) on the vector at {@code a[offset]}, in place. */
    public static void sigmoid(float[] a, int offset) {
        FloatVector.fromArray(S, a, offset).mul(0.5f).intoArray(a, offset);
        tanh(a, offset);
        FloatVector.fromArray(S, a, offset).fma(0.5f, 0.5f).intoArray(a, offset);
    }

    /**
     * tanh in place on the vector at {@code a[offset]}: a rational function of odd degree 13 over
     * even degree 6 (Eigen's fast float tanh, both polynomials by Horner's rule with fused
     * multiply-adds), within 4e-7 of {@code Math.tanh} on [−12, 12] ({@code VectorActivationsTest}).
     *
     * <p>Not {@code lanewise(TANH)}: that op is computed lane by lane with {@code Math.tanh} until C2
     * compiles it into a vector library call whose last bits differ, so results would depend on
     * when the JIT had run. Multiplies, FMAs and one division are exact in both modes.
     *
     * <p>Arrays in and out, and no vector-valued helper: a vector passed to or returned from a
     * method C2 does not inline is materialised on the heap (docs/measurements/bench/vector-boxing.txt).
     */
    public static void tanh(float[] a, int offset) {
        FloatVector v = FloatVector.fromArray(S, a, offset).max(-TANH_CLAMP).min(TANH_CLAMP);
        FloatVector v2 = v.mul(v);
        FloatVector p = FloatVector.broadcast(S, TANH_NUMERATOR[0])
                .fma(v2, FloatVector.broadcast(S, TANH_NUMERATOR[1]))
                .fma(v2, FloatVector.broadcast(S, TANH_NUMERATOR[2]))
                .fma(v2, FloatVector.broadcast(S, TANH_NUMERATOR[3]))
                .fma(v2, FloatVector.broadcast(S, TANH_NUMERATOR[4]))
                .fma(v2, FloatVector.broadcast(S, TANH_NUMERATOR[5]))
                .fma(v2, FloatVector.broadcast(S, TANH_NUMERATOR[6]))
                .mul(v);
        FloatVector q = FloatVector.broadcast(S, TANH_DENOMINATOR[0])
                .fma(v2, FloatVector.broadcast(S, TANH_DENOMINATOR[1]))
                .fma(v2, FloatVector.broadcast(S, TANH_DENOMINATOR[2]))
                .fma(v2, FloatVector.broadcast(S, TANH_DENOMINATOR[3]));
        p.div(q).intoArray(a, offset);
    }
}
