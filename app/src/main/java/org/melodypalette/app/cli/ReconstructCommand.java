package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.RefineOptions;
import org.melodypalette.music.Melody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code palette reconstruct}: each file's melody as the workbench gives it back: encoded (refined
 * unless {@code --no-refine}), then decoded by argmax. One file at a time, so each time is a
 * single melody's, as in the workbench.
 */
@Command(name = "reconstruct", mixinStandardHelpOptions = true,
        description = {"Encode each file's melody (from its first bar with a note unless --from-bar says otherwise, over the model's length) and decode it by "
                + "argmax, as the workbench gives it back: from a refined code unless --no-refine.",
                "With --json prints {\"melodies\": [{\"file\", \"labels\", \"notes\", \"exact\", \"ms\"}, ...]}."})
final class ReconstructCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Mixin
    RefineChoice refine = new RefineChoice();

    @Mixin
    InputOptions input;

    @Option(names = "--json", description = "Print the JSON report instead of one line per file.")
    boolean json;

    @Parameters(arity = "1..*", paramLabel = "MIDI")
    List<Path> files;

    @Override
    public Integer call() throws IOException {
        List<Map<String, Object>> items = new ArrayList<>();
        try (LatentCodec codec = model.open()) {
            RefineOptions options = refine.options(codec.refineDefaults());
            List<Melody> melodies = input.melodies(files, codec.info());
            for (int i = 0; i < melodies.size(); i++) {
                Encoding code = codec.encode(List.of(melodies.get(i)), options).get(0);
                int[] labels = codec.decodeCodes(List.of(code.code()), DecodeOptions.ARGMAX)[0];
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("file", files.get(i).toString());
                item.putAll(MelodyFiles.toJson(labels, codec.melody(labels)));
                item.put("exact", code.exact());
                item.put("ms", Math.round(code.millis() * 10) / 10.0);
                items.add(item);
                if (!json) {
                    System.out.println(String.format(Locale.ROOT, "%s: %s (%d refinement steps, %.1f ms)",
                            files.get(i), code.exact() ? "exact" : "not exact, " + GivenBack.stepsDiffer(
                                    GivenBack.differences(labels, codec.labels(melodies.get(i)))),
                            code.steps(), code.millis()));
                }
            }
        }
        if (json) {
            System.out.println(Json.write(Map.of("melodies", items)));
        }
        return 0;
    }
}
