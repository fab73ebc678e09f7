package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.melodypalette.model.api.ContinuationEvaluation;
import org.melodypalette.model.api.ContinuationOptions;
import org.melodypalette.model.api.EvaluationRealism;
import org.melodypalette.model.service.ContinuationEvaluations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code palette continue-eval}: a continuation model's held-out figures beside the bigram baseline. */
@Command(name = "continue-eval", mixinStandardHelpOptions = true,
        description = "Per-step accuracy, log-likelihood and perplexity of a continuation checkpoint on a dataset's "
                + "eval split, and a bigram baseline (fitted on its train split) on the same windows.")
final class ContinueEvalCommand implements Callable<Integer> {

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR")
    Path checkpoint;

    @Option(names = "--data", required = true, paramLabel = "FILE", description = "A dataset from 'palette dataset build'.")
    Path data;

    @Option(names = "--windows", defaultValue = "0", paramLabel = "N", description = "First N eval windows (0 = all).")
    int windows;

    @Option(names = "--threads", defaultValue = "0", description = "Threads (0 = one per core).")
    int threads;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Option(names = "--realism", description = "Also continue the eval windows' first bars and compare the "
            + "continuations' features (note density, pitch classes, intervals, ...) with what really followed, "
            + "beside two halves of the data.")
    boolean realism;

    @Option(names = "--primer-bars", defaultValue = "0", paramLabel = "N",
            description = "With --realism: bars of each window that prime the model (0 = half the window).")
    int primerBars;

    @Option(names = "--temperature", defaultValue = "" + ContinuationOptions.DEFAULT_TEMPERATURE, paramLabel = "T",
            description = "With --realism: sampling temperature (default ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--top-p", defaultValue = "" + ContinuationOptions.DEFAULT_TOP_P, paramLabel = "P",
            description = "With --realism: nucleus mass (default ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--seed", defaultValue = "0", description = "With --realism: random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        ContinuationEvaluation e = ContinuationEvaluations.evaluate(checkpoint, data, windows, threads);
        EvaluationRealism r = realism ? ContinuationEvaluations.realism(checkpoint, data, windows,
                primerBars, temperature, topP, seed) : null;
        if (json) {
            System.out.println(Json.write(r == null ? e : new WithRealism(e, r)));
        } else {
            System.out.printf("step %d, %d eval windows (%d steps predicted)%n", e.step(), e.windows(), e.predictions());
            System.out.printf("model:  accuracy %.4f, log-likelihood %.4f nats/step, perplexity %.3f%n",
                    e.accuracy(), e.logLikelihood(), e.perplexity());
            System.out.printf("bigram: accuracy %.4f, log-likelihood %.4f nats/step, perplexity %.3f%n",
                    e.bigramAccuracy(), e.bigramLogLikelihood(), Math.exp(-e.bigramLogLikelihood()));
            System.out.printf("margin: %.4f nats/step over the bigram%n", e.marginOverBigram());
            if (r != null) {
                StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                        "continuations: %d primers continued (temperature %.2f, top-p %.2f) vs what followed %d others; "
                                + "silent: continuations %.3f, data %.3f%n",
                        r.samples(), temperature, topP, r.dataWindows(), r.silentSamples(), r.silentData()));
                EvalCommand.realismFeatures(out, r);
                System.out.print(out);
            }
        }
        return 0;
    }

    /** The JSON of {@code --realism}: the held-out figures and the continuations' realism. */
    record WithRealism(ContinuationEvaluation evaluation, EvaluationRealism realism) {
    }
}
