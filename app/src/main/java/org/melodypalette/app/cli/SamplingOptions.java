package org.melodypalette.app.cli;

import org.melodypalette.model.api.DecodeOptions;
import picocli.CommandLine.Option;

/** {@code --temperature}, {@code --top-p}, {@code --seed}. */
final class SamplingOptions {

    @Option(names = "--temperature", paramLabel = "T", description = "0 = argmax; otherwise sample softmax(logits / T).")
    Double temperature;

    @Option(names = "--top-p", defaultValue = "1.0", paramLabel = "P", description = "Nucleus sampling mass (default ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    DecodeOptions options(double defaultTemperature) {
        return new DecodeOptions(temperature == null ? defaultTemperature : temperature, topP, seed);
    }
}
