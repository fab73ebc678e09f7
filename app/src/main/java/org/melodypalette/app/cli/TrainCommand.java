package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.melodypalette.model.api.ContinuationEvaluation;
import org.melodypalette.model.service.ContinuationTraining;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingOptions;
import org.melodypalette.model.api.TrainingProgress;
import org.melodypalette.model.api.TrainingResult;
import org.melodypalette.model.service.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code palette train}: trains a preset on a dataset file, checkpointing atomically; resumable. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train a MusicVAE preset, or a continuation model (a continue_ preset), on a dataset built by "
                + "'palette dataset build'. Checkpoints into "
                + "--out every --checkpoint-every steps; --resume continues from the last one. Ctrl-C stops "
                + "after saving a checkpoint.")
final class TrainCommand implements Callable<Integer> {

    @Option(names = "--preset", description = "Model preset, e.g. mel_2bar_cpu, or a continuation preset such as "
            + "continue_4bar_cpu (see the model presets).")
    String preset;

    @Option(names = "--data", required = true, paramLabel = "FILE")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "DIR")
    Path out;

    @Option(names = "--steps", description = "Train until this step (default " + TrainingOptions.DEFAULT_STEPS + ").")
    long steps = TrainingOptions.DEFAULT_STEPS;

    @Option(names = "--resume", description = "Continue the run whose checkpoint is in --out.")
    boolean resume;

    @Option(names = "--checkpoint-every", paramLabel = "N")
    int checkpointInterval = TrainingOptions.DEFAULT_CHECKPOINT_INTERVAL;

    @Option(names = "--eval-every", paramLabel = "N")
    int evalInterval = TrainingOptions.DEFAULT_EVAL_INTERVAL;

    @Option(names = "--eval-windows", paramLabel = "N", description = "Eval-split windows per periodic evaluation.")
    int evalWindows = TrainingOptions.DEFAULT_EVAL_WINDOWS;

    @Option(names = "--init-from", paramLabel = "DIR",
            description = "Start a new run from this checkpoint's weights and step (a warm start: schedules go on "
                    + "from that step, the optimizer starts afresh). Its variables must have the preset's shapes.")
    Path initFrom;

    @Option(names = "--seed", defaultValue = "0")
    long seed;

    @Option(names = "--threads", defaultValue = "0",
            description = "Threads per training step: shards of the batch on a CPU, native threads per op for"
                    + " ND4J (0 = one per core).")
    int threads;

    private volatile boolean stop;

    @Override
    public Integer call() throws IOException {
        TrainingOptions options = new TrainingOptions(preset, null, data, out, steps, checkpointInterval,
                evalInterval, evalWindows, seed, resume, threads, initFrom);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop = true;
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            TrainingResult result = TrainingRun.run(options, new ConsoleListener(ContinuationTraining.wanted(options)));
            System.out.println();
            System.out.println((result.stopped() ? "stopped" : "finished") + " at step " + result.step()
                    + "; checkpoint " + result.checkpoint());
            return 0;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: the JVM is exiting after this checkpoint.
            }
        }
    }

    /**
     * One step's progress line. Under scheduled sampling "acc" also counts steps that read the
     * model's own sampled input, so the share of such inputs is shown beside it.
     */
    static String progressLine(TrainingProgress p) {
        String sampled = p.samplingProbability() > 0
                ? String.format(Locale.ROOT, "  sampled %.0f%%", 100 * p.samplingProbability()) : "";
        return String.format(Locale.ROOT,
                "step %d/%d  %.1f seq/s  loss %.3f  recon %.3f  KL %.2f  acc %.3f%s  lr %.2e  beta %.3f  ETA %s   ",
                p.step(), p.totalSteps(), p.sequencesPerSecond(), p.loss(), p.reconstruction(), p.kl(),
                p.accuracy(), sampled, p.learningRate(), p.beta(), duration(p.etaSeconds()));
    }

    /** A continuation model's progress line: its loss is nats per step, it has no KL. */
    static String continuationProgressLine(TrainingProgress p) {
        return String.format(Locale.ROOT, "step %d/%d  %.1f seq/s  loss %.3f nats/step  acc %.3f  lr %.2e  ETA %s   ",
                p.step(), p.totalSteps(), p.sequencesPerSecond(), p.loss(), p.accuracy(), p.learningRate(),
                duration(p.etaSeconds()));
    }

    /** The live progress line and one line per evaluation and checkpoint. */
    private final class ConsoleListener implements TrainingListener {

        private final boolean continuation;

        ConsoleListener(boolean continuation) {
            this.continuation = continuation;
        }

        @Override
        public void onProgress(TrainingProgress p) {
            System.out.print("\r" + (continuation ? continuationProgressLine(p) : progressLine(p)));
            System.out.flush();
        }

        @Override
        public void onEvaluation(EvaluationReport r) {
            System.out.printf("%neval @%d (%d %s windows): teacher-forced acc %.4f, sampled acc %.4f, recon %.3f, KL %.3f, ELBO %.3f%n",
                    r.step(), r.windows(), r.split().name().toLowerCase(), r.teacherForcedAccuracy(),
                    r.sampledAccuracy(), r.reconstruction(), r.kl(), r.elbo());
        }

        @Override
        public void onContinuationEvaluation(ContinuationEvaluation e) {
            System.out.printf("%neval @%d (%d windows): acc %.4f, log-likelihood %.4f nats/step, perplexity %.3f;"
                            + " bigram %.4f nats/step (margin %.4f)%n", e.step(), e.windows(), e.accuracy(),
                    e.logLikelihood(), e.perplexity(), e.bigramLogLikelihood(), e.marginOverBigram());
        }

        @Override
        public void onCheckpoint(Path folder, long step) {
            System.out.printf("%ncheckpoint @%d -> %s%n", step, folder);
        }

        @Override
        public boolean stopRequested() {
            return stop;
        }
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds) || seconds < 0) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s % 3600 / 60) : String.format("%dm%02ds", s / 60, s % 60);
    }
}
