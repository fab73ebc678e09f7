package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.melodypalette.model.bench.InferenceBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code palette bench}: inference latency, operation for operation as the magenta.js peer measures it. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time load, encode, decode, interpolate and sample (each warmed up for 1 s, then N runs) and print "
                + "median/min/max/p95 in ms; --json writes the magenta.js timing file shape.")
final class BenchCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Option(names = "--runs", defaultValue = "10", description = "Timed runs per operation (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON here.")
    Path json;

    @Override
    public Integer call() throws IOException {
        InferenceBenchmark.Result result = InferenceBenchmark.run(model.directory(), runs);
        System.out.println("model " + result.info().get("model") + ", kernel " + result.info().get("kernel")
                + ", " + result.info().get("cores") + " cores");
        System.out.printf("%-26s %10s %10s %10s %10s%n", "operation", "median ms", "min ms", "max ms", "p95 ms");
        for (Map.Entry<String, InferenceBenchmark.Timing> e : result.timings().entrySet()) {
            InferenceBenchmark.Timing t = e.getValue();
            System.out.printf("%-26s %10.2f %10.2f %10.2f %10.2f%n", e.getKey(), t.medianMs(), t.minMs(), t.maxMs(), t.p95Ms());
        }
        if (json != null) {
            InferenceBenchmark.write(result, json);
            System.out.println("wrote " + json);
        }
        return 0;
    }
}
