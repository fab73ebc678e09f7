package org.melodypalette.app.cli;

import org.melodypalette.files.BoundedFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.music.Melody;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code palette decode}: latent points → melodies. */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = "Decode latent points from a {\"z\": [[...], ...]} file (as 'encode' prints) to melodies.")
final class DecodeCommand implements Callable<Integer> {

    /** Largest latent file read: 1,000 vectors of 512 numbers printed by {@code encode} take about 10 MB. */
    private static final int MAX_Z_FILE_BYTES = 64 << 20;

    @Mixin
    ModelOptions model;

    @Mixin
    SamplingOptions sampling;

    @Option(names = "--z", required = true, paramLabel = "FILE", description = "JSON file {\"z\": [[...], ...]}.")
    Path zFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write decoded_NN.mid files here.")
    Path out;

    @Option(names = "--force", description = "Replace existing files instead of writing under fresh names.")
    boolean force;

    @Option(names = "--json", description = "Print {\"melodies\": [{\"labels\", \"notes\"}, ...]} (default output).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        float[][] z = readZ(zFile);
        try (LatentCodec codec = model.open()) {
            DecodeOptions options = sampling.options(0.0);
            int[][] labels = codec.decodeLabels(z, options);
            List<Melody> melodies = new ArrayList<>();
            List<Map<String, Object>> items = new ArrayList<>();
            for (int[] l : labels) {
                Melody melody = codec.melody(l);
                melodies.add(melody);
                items.add(MelodyFiles.toJson(l, melody));
            }
            if (out != null) {
                MelodyFiles.write(out, "decoded", melodies, force);
            }
            System.out.println(Json.write(Map.of("melodies", items)));
        }
        return 0;
    }

    static float[][] readZ(Path file) throws IOException {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(BoundedFiles.read(file, MAX_Z_FILE_BYTES));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON (" + e.getOriginalMessage() + ")");
        }
        JsonNode rows = root == null ? null : root.get("z");
        if (rows == null || !rows.isArray() || rows.isEmpty()) {
            throw new IOException(file + ": expected {\"z\": [[...], ...]} with at least one vector");
        }
        float[][] z = new float[rows.size()][];
        for (int i = 0; i < z.length; i++) {
            JsonNode row = rows.get(i);
            if (!row.isArray() || row.isEmpty()) {
                throw new IOException(file + ": z[" + i + "] is not a list of numbers");
            }
            z[i] = new float[row.size()];
            for (int j = 0; j < z[i].length; j++) {
                if (!row.get(j).isNumber()) {
                    throw new IOException(file + ": z[" + i + "][" + j + "] is not a number");
                }
                z[i][j] = (float) row.get(j).asDouble();
            }
        }
        return z;
    }
}
