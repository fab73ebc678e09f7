package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.music.Melody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code palette sample}: melodies from the prior. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        description = "Decode N latent points drawn from N(0, I) and write sample_NN.mid files.")
final class SampleCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Mixin
    SamplingOptions sampling;

    @Option(names = "--n", defaultValue = "8", description = "How many melodies (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--force", description = "Replace existing files instead of writing under fresh names.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        if (n < 1 || n > 1000) {
            throw new IllegalArgumentException("--n must be in 1..1000, got " + n);
        }
        try (LatentCodec codec = model.open()) {
            List<Melody> melodies = codec.sample(n, sampling.options(DecodeOptions.DEFAULT_SAMPLING_TEMPERATURE));
            MelodyFiles.write(out, "sample", melodies, force).forEach(System.out::println);
        }
        return 0;
    }
}
