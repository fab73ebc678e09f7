package org.melodypalette.model.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.melodypalette.model.api.EvaluationFeature;
import org.melodypalette.model.api.EvaluationRealism;
import org.melodypalette.model.data.Seeds;

/**
 * How a continuation model's continuations compare with what really followed, feature by feature
 * ({@link MelodyFeature}, as {@link RealismEvaluator} does for prior samples). Each data window is cut
 * into a primer (its first {@code primerSteps}) and a tail (the rest). The windows are split into
 * halves A and B (dataset order); the model continues every primer of A, and its tails are compared
 * with B's true tails. The ceiling compares A's true tails with B's: the same primers, set sizes and
 * songs on both sides, so "as close to the data as two halves of the data" is a like-for-like test.
 * In the returned {@link EvaluationRealism}, {@code samples} counts the continuations (A) and
 * {@code dataWindows} the true tails they are compared with (B).
 */
public final class ContinuationRealism {

    static final long TAILS_STREAM = 0x5441494CL;

    /** Writes what follows a primer: {@code tailSteps} new labels after {@code primer}, drawn with {@code seed}. */
    @FunctionalInterface
    public interface Continuer {
        int[] tail(int[] primer, int tailSteps, long seed);
    }

    private ContinuationRealism() {
    }

    /**
     * @param windows     canonical label windows of one length, at least 2
     * @param primerSteps steps of each window that prime the model, whole bars, fewer than the window's
     * @param temperature the continuations' sampling temperature, recorded in the result
     */
    public static EvaluationRealism evaluate(Continuer continuer, List<int[]> windows, int primerSteps,
                                             int stepsPerBar, double temperature, long seed) {
        if (windows.size() < 2) {
            throw new IllegalArgumentException("continuation realism needs at least 2 windows, not " + windows.size());
        }
        int length = windows.get(0).length;
        if (primerSteps < stepsPerBar || primerSteps % stepsPerBar != 0 || primerSteps >= length) {
            throw new IllegalArgumentException("the primer must be whole bars shorter than the " + length
                    + "-step windows, got " + primerSteps + " steps");
        }
        int tailSteps = length - primerSteps;
        List<int[]> halfA = windows.subList(0, windows.size() / 2);
        List<int[]> halfB = windows.subList(windows.size() / 2, windows.size());
        List<int[]> continued = new ArrayList<>(halfA.size());
        for (int w = 0; w < halfA.size(); w++) {
            int[] primer = Arrays.copyOf(halfA.get(w), primerSteps);
            long tailSeed = Seeds.random(seed, TAILS_STREAM, w).nextLong();
            continued.add(EvalLabels.canonical(continuer.tail(primer, tailSteps, tailSeed)));
        }
        List<int[]> tailsA = tails(halfA, primerSteps);
        List<int[]> tailsB = tails(halfB, primerSteps);
        Function<MelodyFeature, EvaluationFeature> compare = feature ->
                RealismEvaluator.compare(feature, continued, tailsB, tailsA, tailsB, stepsPerBar);
        return new EvaluationRealism(continued.size(), temperature, tailsB.size(),
                RealismEvaluator.silentShare(continued), RealismEvaluator.silentShare(tailsB),
                compare.apply(MelodyFeature.NOTE_DENSITY), compare.apply(MelodyFeature.BAR_ONSETS),
                compare.apply(MelodyFeature.PITCH_RANGE),
                compare.apply(MelodyFeature.PITCH_CLASS), compare.apply(MelodyFeature.KEY_PITCH_CLASS),
                compare.apply(MelodyFeature.INTERVAL));
    }

    /** The canonical labels after each window's primer. */
    private static List<int[]> tails(List<int[]> windows, int primerSteps) {
        List<int[]> tails = new ArrayList<>(windows.size());
        for (int[] window : windows) {
            tails.add(EvalLabels.canonical(Arrays.copyOfRange(window, primerSteps, window.length)));
        }
        return tails;
    }
}
