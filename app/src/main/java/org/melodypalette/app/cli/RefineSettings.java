package org.melodypalette.app.cli;

import org.melodypalette.model.api.RefineOptions;
import picocli.CommandLine.Option;

/**
 * The refinement options the commands share: {@link RefineOptions#DEFAULT} except the time budget,
 * which a command line leaves off so that its output is the same on a busy machine.
 */
final class RefineSettings {

    @Option(names = "--refine-steps", paramLabel = "N", defaultValue = "" + RefineOptions.DEFAULT_MAX_STEPS,
            description = "Refinement: gradient steps at most (default ${DEFAULT-VALUE}).")
    int steps = RefineOptions.DEFAULT_MAX_STEPS;

    @Option(names = "--refine-lr", paramLabel = "RATE", defaultValue = "" + RefineOptions.DEFAULT_LEARNING_RATE,
            description = "Refinement: Adam's step size (default ${DEFAULT-VALUE}).")
    double learningRate = RefineOptions.DEFAULT_LEARNING_RATE;

    @Option(names = "--refine-prior", paramLabel = "LAMBDA", defaultValue = "" + RefineOptions.DEFAULT_PRIOR_WEIGHT,
            description = "Refinement: weight of the prior term λ·½|z|² (default ${DEFAULT-VALUE}).")
    double priorWeight = RefineOptions.DEFAULT_PRIOR_WEIGHT;

    @Option(names = "--refine-budget-ms", paramLabel = "MS", defaultValue = "0",
            description = "Refinement: time at most per melody, in ms (default ${DEFAULT-VALUE}: no limit, so that "
                    + "the output does not depend on the machine's speed; the workbench stops after "
                    + RefineOptions.INTERACTIVE_BUDGET_MILLIS + " ms).")
    long budgetMillis;

    RefineOptions options() {
        return new RefineOptions(steps, learningRate, priorWeight, budgetMillis);
    }
}
