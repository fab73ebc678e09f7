package org.melodypalette.model.api;

/**
 * How to refine a melody's code (docs/ARCHITECTURE.md §11): start from the
 * encoder's posterior mean and take Adam steps on z against the decoder's teacher-forced negative
 * log-likelihood of the melody plus {@code priorWeight · ½|z|²}, stopping as soon as argmax
 * decoding gives the melody back, after {@code maxSteps} steps, or when {@code budgetMillis} have
 * passed. {@link #NONE} (0 steps) is the posterior mean itself.
 *
 * @param maxSteps     gradient steps at most (0 = the posterior mean)
 * @param learningRate Adam's step size on z, in latent units; 0 = z stays at the posterior mean (then
 *                     {@code barLearningRate} must be above 0: the bars alone, one at a time)
 * @param priorWeight  λ of the prior term: keeps z where the decoder has seen codes; 0 = none
 * @param budgetMillis wall-clock time at most per melody (a batch of n shares n times it); 0 = no time
 *                     limit, only {@code maxSteps}, so that the result does not depend on the machine's speed
 * @param barLearningRate Adam's step size on the per-bar offsets of a hierarchical decoder (each bar's
 *                     embedding = the conductor's output from z + its offset), refined with z, or bar by
 *                     bar when z's step size is 0; 0 = z alone (a flat decoder has no bars and ignores it)
 * @param barPull      μ of the term μ·½|offsets|² that pulls the bar embeddings back to the conductor's; 0 = none
 * @param patience     a melody stops once this many steps have passed without a new fewest-mistakes code
 *                     (it keeps its best); 0 = never (only exactness, {@code maxSteps} and the budget stop it)
 */
public record RefineOptions(int maxSteps, double learningRate, double priorWeight, long budgetMillis,
                            double barLearningRate, double barPull, int patience) {

    public static final int DEFAULT_MAX_STEPS = 300;
    public static final double DEFAULT_LEARNING_RATE = 0.3;
    public static final double DEFAULT_PRIOR_WEIGHT = 0.0;
    public static final long DEFAULT_BUDGET_MILLIS = 3000;
    public static final long INTERACTIVE_BUDGET_MILLIS = 1000;
    /** {@link #BARS}' step size on the bar offsets. */
    public static final double BARS_LEARNING_RATE = 0.1;

    /** The posterior mean, unrefined (what magenta.js {@code encode} returns). */
    public static final RefineOptions NONE = new RefineOptions(0, 0.1, 0, 0);

    /**
     * The defaults of the CLI and the workbench, chosen by measurement on the bundled 2-bar model's
     * eval-split windows (docs/measurements/refine/): lr 0.3 made more windows exact in fewer steps
     * than 0.1 and 0.2, and every prior weight tried (1e-3, 1e-2) made fewer exact; at most 300
     * steps and 3 s per melody.
     */
    public static final RefineOptions DEFAULT = new RefineOptions(DEFAULT_MAX_STEPS, DEFAULT_LEARNING_RATE,
            DEFAULT_PRIOR_WEIGHT, DEFAULT_BUDGET_MILLIS);

    /** z alone, no early stop. */
    public RefineOptions(int maxSteps, double learningRate, double priorWeight, long budgetMillis) {
        this(maxSteps, learningRate, priorWeight, budgetMillis, 0, 0, 0);
    }

    /**
     * For a hierarchical decoder: z stays at the posterior mean and each bar's offset is refined at
     * step size 0.1, bar by bar (a bar stops as soon as it is right). Chosen by measurement on the
     * bundled 16-bar model's eval-split windows: bar step size 0.1 made more bars exact in fewer steps
     * than moving z at 0.1 or 0.3 as well, and than 0.03, 0.05, 0.2 and 0.4
     * (docs/measurements/refine/bars-refine-16bar.txt); keeping z fixed instead of moving it by 0.001
     * gave the same exactness in under half the time (docs/measurements/refine/bars-z-fixed-16bar.txt).
     * A flat decoder has no bars: use {@link #DEFAULT} there.
     */
    public static final RefineOptions BARS = DEFAULT.withBars(BARS_LEARNING_RATE, 0).withLearningRate(0);

    public RefineOptions {
        if (maxSteps < 0) {
            throw new IllegalArgumentException("refinement steps " + maxSteps + " must not be negative");
        }
        if (!(learningRate >= 0 && learningRate <= 10)) {
            throw new IllegalArgumentException("refinement learning rate " + learningRate + " is outside 0..10");
        }
        if (!(priorWeight >= 0 && priorWeight <= 100)) {
            throw new IllegalArgumentException("refinement prior weight " + priorWeight + " is outside 0..100");
        }
        if (budgetMillis < 0) {
            throw new IllegalArgumentException("refinement budget " + budgetMillis + " ms must not be negative");
        }
        if (!(barLearningRate >= 0 && barLearningRate <= 10)) {
            throw new IllegalArgumentException("refinement bar learning rate " + barLearningRate
                    + " is outside 0..10");
        }
        if (!(barPull >= 0 && barPull <= 100)) {
            throw new IllegalArgumentException("refinement bar pull " + barPull + " is outside 0..100");
        }
        if (maxSteps > 0 && learningRate == 0 && barLearningRate == 0) {
            throw new IllegalArgumentException("refinement with both step sizes 0 would not move the code");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("refinement patience " + patience + " steps must not be negative");
        }
    }

    public boolean refines() {
        return maxSteps > 0;
    }

    /** Whether the per-bar offsets of a hierarchical decoder are refined along with z. */
    public boolean refinesBars() {
        return barLearningRate > 0;
    }

    /**
     * These options as the workbench runs them, on its model thread while the composer goes on: refining z
     * alone stops within {@link #INTERACTIVE_BUDGET_MILLIS} per melody (a flat decoder gets exact within it or
     * rarely later); refining the bars keeps its own budget, since a 16-bar melody takes tens of steps that
     * each cost a 16-bar pass.
     */
    public RefineOptions interactive() {
        return refinesBars() ? this : withBudgetMillis(INTERACTIVE_BUDGET_MILLIS);
    }

    public RefineOptions withMaxSteps(int steps) {
        return new RefineOptions(steps, learningRate, priorWeight, budgetMillis, barLearningRate, barPull, patience);
    }

    public RefineOptions withLearningRate(double rate) {
        return new RefineOptions(maxSteps, rate, priorWeight, budgetMillis, barLearningRate, barPull, patience);
    }

    public RefineOptions withPriorWeight(double weight) {
        return new RefineOptions(maxSteps, learningRate, weight, budgetMillis, barLearningRate, barPull, patience);
    }

    public RefineOptions withBudgetMillis(long millis) {
        return new RefineOptions(maxSteps, learningRate, priorWeight, millis, barLearningRate, barPull, patience);
    }

    public RefineOptions withBars(double rate, double pull) {
        return new RefineOptions(maxSteps, learningRate, priorWeight, budgetMillis, rate, pull, patience);
    }

    public RefineOptions withPatience(int steps) {
        return new RefineOptions(maxSteps, learningRate, priorWeight, budgetMillis, barLearningRate, barPull, steps);
    }
}
