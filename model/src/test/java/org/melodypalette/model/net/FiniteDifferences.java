package org.melodypalette.model.net;

import java.util.Collection;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Double-precision central-difference gradient checks for SameDiff graphs with placeholders
 * (DL4J's own GradCheckUtil throws with placeholders). Two forms:
 * <ul>
 *   <li>{@link #checkEntries}: for sampled entries i, {@code ∂L/∂p_i} against
 *       {@code (L(p + e·1_i) − L(p − e·1_i)) / 2e};</li>
 *   <li>{@link #checkDirections}: for one random unit direction d per variable, {@code ∇L·d} against
 *       {@code (L(p + e·d) − L(p − e·d)) / 2e} — every entry of the gradient takes part, at two
 *       forward passes per variable, which keeps whole-model checks fast.</li>
 * </ul>
 * An entry passes if its absolute error is below {@link #ABS_TOLERANCE} (the central difference's
 * own rounding noise at this step) or its relative error is below {@link #REL_TOLERANCE}.
 */
final class FiniteDifferences {

    static final double STEP = 1e-6;
    static final double ABS_TOLERANCE = 1e-7;
    static final double REL_TOLERANCE = 1e-5;

    /** Worst errors over all checks, and how many failed both tolerances. */
    record Result(int checked, int failures, double maxAbsError, double maxRelError, double maxGradient) {
        boolean passed() {
            return failures == 0 && checked > 0;
        }

        @Override
        public String toString() {
            return "checked " + checked + ", failed " + failures + ": max abs error " + maxAbsError
                    + ", max relative error " + maxRelError + ", max |gradient| " + maxGradient;
        }
    }

    private FiniteDifferences() {
    }

    static Result checkEntries(SameDiff sd, String loss, Map<String, INDArray> feed, Collection<String> variables,
                               int perVariable, long seed) {
        Map<String, INDArray> gradients = sd.calculateGradients(feed, variables);
        SplittableRandom random = new SplittableRandom(seed);
        Tally tally = new Tally();
        for (String name : variables) {
            INDArray flat = sd.getVariable(name).getArr().reshape(-1);
            INDArray gradient = gradients.get(name).reshape(-1);
            long n = flat.length();
            for (int k = 0; k < Math.min(n, perVariable); k++) {
                long i = n <= perVariable ? k : random.nextLong(n);
                double original = flat.getDouble(i);
                flat.putScalar(i, original + STEP);
                double plus = value(sd, loss, feed);
                flat.putScalar(i, original - STEP);
                double minus = value(sd, loss, feed);
                flat.putScalar(i, original);
                tally.add((plus - minus) / (2 * STEP), gradient.getDouble(i));
            }
        }
        return tally.result();
    }

    static Result checkDirections(SameDiff sd, String loss, Map<String, INDArray> feed,
                                  Collection<String> variables, long seed) {
        Map<String, INDArray> gradients = sd.calculateGradients(feed, variables);
        SplittableRandom random = new SplittableRandom(seed);
        Tally tally = new Tally();
        for (String name : variables) {
            INDArray parameter = sd.getVariable(name).getArr();
            INDArray direction = Nd4j.zeros(DataType.DOUBLE, parameter.shape());
            INDArray flat = direction.reshape(-1);
            for (long i = 0; i < flat.length(); i++) {
                flat.putScalar(i, random.nextGaussian());
            }
            direction.divi(direction.norm2Number());
            INDArray original = parameter.dup();
            parameter.assign(original.add(direction.mul(STEP)));
            double plus = value(sd, loss, feed);
            parameter.assign(original.sub(direction.mul(STEP)));
            double minus = value(sd, loss, feed);
            parameter.assign(original);
            tally.add((plus - minus) / (2 * STEP), gradients.get(name).mul(direction).sumNumber().doubleValue());
        }
        return tally.result();
    }

    private static double value(SameDiff sd, String loss, Map<String, INDArray> feed) {
        return sd.output(feed, loss).get(loss).getDouble(0);
    }

    private static final class Tally {
        private int checked;
        private int failures;
        private double maxAbs;
        private double maxRel;
        private double maxGradient;

        void add(double numeric, double analytic) {
            double abs = Math.abs(numeric - analytic);
            double scale = Math.max(Math.abs(numeric), Math.abs(analytic));
            double rel = scale == 0 ? 0 : abs / scale;
            checked++;
            if (abs > ABS_TOLERANCE && rel > REL_TOLERANCE) {
                failures++;
            }
            maxAbs = Math.max(maxAbs, abs);
            if (abs > ABS_TOLERANCE) {
                maxRel = Math.max(maxRel, rel);
            }
            maxGradient = Math.max(maxGradient, Math.abs(analytic));
        }

        Result result() {
            return new Result(checked, failures, maxAbs, maxRel, maxGradient);
        }
    }
}
