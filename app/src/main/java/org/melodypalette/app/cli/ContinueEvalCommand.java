package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.melodypalette.model.api.ContinuationEvaluation;
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

    @Override
    public Integer call() throws IOException {
        ContinuationEvaluation e = ContinuationEvaluations.evaluate(checkpoint, data, windows, threads);
        if (json) {
            System.out.println(Json.write(e));
        } else {
            System.out.printf("step %d, %d eval windows (%d steps predicted)%n", e.step(), e.windows(), e.predictions());
            System.out.printf("model:  accuracy %.4f, log-likelihood %.4f nats/step, perplexity %.3f%n",
                    e.accuracy(), e.logLikelihood(), e.perplexity());
            System.out.printf("bigram: accuracy %.4f, log-likelihood %.4f nats/step, perplexity %.3f%n",
                    e.bigramAccuracy(), e.bigramLogLikelihood(), Math.exp(-e.bigramLogLikelihood()));
            System.out.printf("margin: %.4f nats/step over the bigram%n", e.marginOverBigram());
        }
        return 0;
    }
}
