package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.melodypalette.model.api.Evaluation;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.EvaluationSplit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code palette eval}: reconstruction accuracy and ELBO of a checkpoint on a dataset split. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate a checkpoint on a dataset split: teacher-forced and sampled (temperature 1.0) "
                + "reconstruction accuracy, KL and ELBO, as in the MusicVAE paper.")
final class EvalCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR")
    Path checkpoint;

    @Option(names = "--data", required = true, paramLabel = "FILE")
    Path data;

    @Option(names = "--split", defaultValue = "EVAL", description = "EVAL, TRAIN or ALL (default ${DEFAULT-VALUE}).",
            converter = SplitConverter.class)
    EvaluationSplit split;

    @Option(names = "--max-windows", defaultValue = "0", description = "Evaluate only the first N windows (0 = all).")
    int maxWindows;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the sampled reconstruction.")
    long seed;

    @Option(names = "--json", description = "Print the report as JSON (default output).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        EvaluationReport report = Evaluation.evaluate(checkpoint, data, split, seed, maxWindows);
        System.out.println(Json.write(report));
        return 0;
    }

    /** Accepts eval, train, all in any case. */
    static final class SplitConverter implements picocli.CommandLine.ITypeConverter<EvaluationSplit> {
        @Override
        public EvaluationSplit convert(String value) {
            return EvaluationSplit.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
