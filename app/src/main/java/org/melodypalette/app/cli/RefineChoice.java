package org.melodypalette.app.cli;

import org.melodypalette.model.api.RefineOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --no-refine} and the refinement settings, for the commands that use refined codes by default. */
final class RefineChoice {

    @Option(names = "--no-refine",
            description = "Use the posterior means (magenta.js's encode); by default refined codes, from which argmax "
                    + "decoding gives each melody back where the model can.")
    boolean noRefine;

    @Mixin
    RefineSettings settings = new RefineSettings();

    boolean refines() {
        return !noRefine;
    }

    /** {@link RefineOptions#NONE} with {@code --no-refine}, else the settings over the model's {@code defaults}. */
    RefineOptions options(RefineOptions defaults) {
        return noRefine ? RefineOptions.NONE : settings.options(defaults);
    }
}
