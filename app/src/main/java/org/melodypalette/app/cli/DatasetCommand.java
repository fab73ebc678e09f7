package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.melodypalette.datasets.BuildSummary;
import org.melodypalette.datasets.DatasetBuildOptions;
import org.melodypalette.datasets.DatasetBuilder;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.files.OutputFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code palette dataset build}: MIDI corpora → training windows. */
@Command(name = "dataset", description = "Build training datasets from MIDI corpora.",
        subcommands = DatasetCommand.Build.class)
final class DatasetCommand {

    @Command(name = "build", mixinStandardHelpOptions = true,
            description = "Extract melodies, cut windows of N bars, deduplicate and split train/eval by file. "
                    + "Writes FILE and a summary FILE.json.")
    static final class Build implements Callable<Integer> {

        @Option(names = "--bars", required = true, description = "Bars per window, 1..64 (2 or 16 for the MusicVAE presets, 4 or 8 for the continue_ ones).")
        int bars;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Dataset file to write.")
        Path out;

        @Option(names = "--eval-fraction", defaultValue = "0.1", description = "Share of files for eval (default ${DEFAULT-VALUE}).")
        double evalFraction;

        @Option(names = "--json", description = "Print the summary as JSON.")
        boolean json;

        @Option(names = "--force", description = "Replace an existing dataset file and summary.")
        boolean force;

        @Parameters(arity = "1..*", paramLabel = "INPUT", description = "MIDI files or folders (recursive).")
        List<Path> inputs;

        @Override
        public Integer call() throws IOException {
            Path summaryFile = out.resolveSibling(out.getFileName() + ".json");
            List<Path> claimed = List.of(out, summaryFile);
            OutputFiles.claim(out, force);
            try {
                OutputFiles.claim(summaryFile, force);
                return build(summaryFile);
            } finally {
                OutputFiles.releaseUnwritten(claimed);
            }
        }

        private int build(Path summaryFile) throws IOException {
            DatasetBuildOptions defaults = DatasetBuildOptions.defaults(bars);
            DatasetBuildOptions options = new DatasetBuildOptions(bars, defaults.gapBars(),
                    defaults.maxSilentFraction(), evalFraction, defaults.minPitch(), defaults.maxPitch(),
                    defaults.threads());
            TerminalProgress progress = new TerminalProgress("reading");
            DatasetBuilder.Result result = new DatasetBuilder(options).build(inputs, progress::update);
            result.problems().forEach(p -> System.err.println("skipped " + p));
            WindowDatasetFile.write(out, result.dataset());
            String summaryJson = Json.write(result.summary());
            AtomicFiles.write(summaryFile, summaryJson.getBytes(StandardCharsets.UTF_8));
            System.out.println(json ? summaryJson : describe(result.summary(), out, summaryFile));
            return 0;
        }

        private static String describe(BuildSummary s, Path out, Path summaryFile) {
            int kept = s.windowsBeforeDedup().get("train") + s.windowsBeforeDedup().get("eval");
            int filtered = s.dropped().getOrDefault("mostly silent", 0)
                    + s.dropped().getOrDefault("pitch out of range", 0);
            StringBuilder text = new StringBuilder();
            text.append(String.format("files read: %d; used %d (%d train, %d eval songs)%n", s.files(),
                    s.songs().get("train") + s.songs().get("eval"), s.songs().get("train"), s.songs().get("eval")));
            text.append("skipped: ").append(s.skipped().isEmpty() ? "none" : format(s.skipped())).append('\n');
            text.append(String.format("windows cut: %d; %d kept after filters, before dedup (%d train, %d eval)%n",
                    kept + filtered, kept, s.windowsBeforeDedup().get("train"), s.windowsBeforeDedup().get("eval")));
            text.append(String.format("windows: %d train, %d eval (distinct)%n",
                    s.windows().get("train"), s.windows().get("eval")));
            text.append("dropped windows: ").append(format(s.dropped())).append('\n');
            text.append(String.format("mean on-grid share: %.3f; %.1f s%n", s.meanOnGridShare(), s.seconds()));
            text.append("wrote ").append(out).append(" and ").append(summaryFile);
            return text.toString();
        }

        private static String format(Map<String, Integer> counts) {
            StringBuilder text = new StringBuilder();
            counts.forEach((k, v) -> text.append(text.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
            return text.toString();
        }
    }
}
