package org.melodypalette.app.cli;

import org.melodypalette.model.api.RefineOptions;
import picocli.CommandLine.Option;

/**
 * The refinement options the commands share, each overriding the model's own defaults
 * ({@link org.melodypalette.model.api.LatentCodec#refineDefaults()}: z alone for a flat decoder, z and the
 * bar embeddings for a hierarchical one) when given, except the time budget, which a command line leaves
 * off so that its output is the same on a busy machine.
 */
final class RefineSettings {

    @Option(names = "--refine-steps", paramLabel = "N",
            description = "Refinement: gradient steps at most (default " + RefineOptions.DEFAULT_MAX_STEPS + ").")
    Integer steps;

    @Option(names = "--refine-lr", paramLabel = "RATE",
            description = "Refinement: Adam's step size on z (default " + RefineOptions.DEFAULT_LEARNING_RATE
                    + "; a hierarchical model's default keeps z and refines its bars instead; 0 = z stays).")
    Double learningRate;

    @Option(names = "--refine-bar-lr", paramLabel = "RATE",
            description = "Refinement of a hierarchical model: Adam's step size on each bar's embedding (default "
                    + RefineOptions.BARS_LEARNING_RATE + "; 0 = z alone, at " + RefineOptions.DEFAULT_LEARNING_RATE
                    + " unless --refine-lr says). A flat model has no bars and ignores it.")
    Double barLearningRate;

    @Option(names = "--refine-prior", paramLabel = "LAMBDA",
            description = "Refinement: weight of the prior term λ·½|z|² (default " + RefineOptions.DEFAULT_PRIOR_WEIGHT
                    + ").")
    Double priorWeight;

    @Option(names = "--refine-budget-ms", paramLabel = "MS", defaultValue = "0",
            description = "Refinement: time at most per melody, in ms (default ${DEFAULT-VALUE}: no limit, so that "
                    + "the output does not depend on the machine's speed; the workbench stops after "
                    + RefineOptions.INTERACTIVE_BUDGET_MILLIS + " ms, or " + RefineOptions.DEFAULT_BUDGET_MILLIS
                    + " ms when it refines bars).")
    long budgetMillis;

    /** {@code defaults} (the model's) with the options given on the command line, and no time limit unless given. */
    RefineOptions options(RefineOptions defaults) {
        RefineOptions options = defaults.withBudgetMillis(budgetMillis);
        if (steps != null) {
            options = options.withMaxSteps(steps);
        }
        double zRate = learningRate != null ? learningRate
                : barLearningRate != null && barLearningRate == 0 && options.learningRate() == 0
                        ? RefineOptions.DEFAULT_LEARNING_RATE : options.learningRate();
        double barRate = barLearningRate != null ? barLearningRate : options.barLearningRate();
        options = new RefineOptions(options.maxSteps(), zRate, options.priorWeight(), options.budgetMillis(), barRate,
                options.barPull(), options.patience());
        if (priorWeight != null) {
            options = options.withPriorWeight(priorWeight);
        }
        return options;
    }
}
