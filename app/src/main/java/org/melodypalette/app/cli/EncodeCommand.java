package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.LatentVector;
import org.melodypalette.music.Melody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code palette encode}: MIDI melodies → latent means. */
@Command(name = "encode", mixinStandardHelpOptions = true,
        description = "Encode each file's melody (as many steps as the model takes, from the first bar with a note "
                + "unless --from-bar says otherwise) to its latent mean z; prints {\"z\": [[...], ...]}.")
final class EncodeCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Option(names = "--json", description = "JSON output (the only format; accepted for symmetry with the other commands).")
    boolean json;

    @Mixin
    InputOptions input;

    @Option(names = "--refine",
            description = "Print refined codes, from which argmax decoding gives the melody back where the model can, "
                    + "with {\"exact\": [...], \"steps\": [...]} and, for a hierarchical model whose bars were refined, "
                    + "{\"barOffsets\": [[[...] per bar] per file]} (default: the posterior mean, as magenta.js).")
    boolean refine;

    @Mixin
    RefineSettings refineSettings = new RefineSettings();

    @Parameters(arity = "1..*", paramLabel = "MIDI")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        try (LatentCodec codec = model.open()) {
            BatchInputs<Melody> read = BatchInputs.read(files, "encode",
                    file -> input.melodies(List.of(file), codec.info()).get(0), System.err);
            if (!read.values().isEmpty()) {
                Map<String, Object> output = new LinkedHashMap<>();
                if (refine) {
                    List<Encoding> encodings = codec.encode(read.values(),
                            refineSettings.options(codec.refineDefaults()));
                    output.put("z", encodings.stream().map(e -> e.z().toArray()).toList());
                    if (encodings.stream().anyMatch(Encoding::hasBarOffsets)) {
                        // A hierarchical model's refined code decodes to the melody only with its bar offsets.
                        output.put("barOffsets", encodings.stream().map(e -> e.barOffsets().stream()
                                .map(LatentVector::toArray).toList()).toList());
                    }
                    output.put("exact", encodings.stream().map(Encoding::exact).toList());
                    output.put("steps", encodings.stream().map(Encoding::steps).toList());
                } else {
                    output.put("z", codec.encode(read.values()).stream().map(LatentVector::toArray).toList());
                }
                output.put("files", read.fileNames());
                System.out.println(Json.write(output));
            }
            return read.exitCode();
        }
    }
}
