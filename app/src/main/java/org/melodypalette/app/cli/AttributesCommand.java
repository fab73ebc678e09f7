package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.melodypalette.model.api.AttributeStatistics;
import org.melodypalette.model.service.AttributeVectorsBuilder;
import org.melodypalette.model.api.AttributeVectorsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code palette attributes}: builds a checkpoint's attribute vectors from a dataset's train windows. */
@Command(name = "attributes", mixinStandardHelpOptions = true,
        description = "Write DIR/attributes.json: per attribute (note_density, pitch_height, pitch_range, syncopation, "
                + "rest_share), mean z of the train windows in its top quartile minus mean z of its bottom quartile.")
final class AttributesCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR", description = "Checkpoint folder to write into.")
    Path checkpoint;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "Window dataset file (palette dataset).")
    Path data;

    @Option(names = "--windows", defaultValue = "" + AttributeVectorsBuilder.DEFAULT_WINDOWS,
            description = "Encode at most N train windows, a seeded random subset when there are more (default ${DEFAULT-VALUE}).")
    int windows;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the subset (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (windows < 4) {
            throw new IOException("--windows " + windows + " must be at least 4 (one per quartile)");
        }
        AttributeVectorsReport report = AttributeVectorsBuilder.build(checkpoint, data, windows, seed);
        if (json) {
            System.out.println(Json.write(report));
            return 0;
        }
        System.out.println("wrote " + report.file() + " from " + report.windows() + " train windows");
        System.out.printf(Locale.ROOT, "%-13s %8s %9s %12s %12s %8s%n", "attribute", "windows", "quartile",
                "bottom mean", "top mean", "norm");
        for (AttributeStatistics a : report.attributes()) {
            System.out.printf(Locale.ROOT, "%-13s %8d %9d %12.3f %12.3f %8.3f%n", a.name(), a.windows(), a.quartile(),
                    a.bottomMean(), a.topMean(), a.norm());
        }
        return 0;
    }
}
