package org.melodypalette.model.train;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.TrainingListener;
import org.melodypalette.model.api.TrainingProgress;
import org.melodypalette.model.api.TrainingResult;

/**
 * The loop every trainer runs ({@link Trainer}, {@link ContinuationTrainer}): one update per step
 * until the settings' total steps or a stop request; progress after every step, a history entry
 * (the mean of the figures since the last one) every {@code historyInterval} steps, an evaluation
 * every {@code evalInterval} and a checkpoint every {@code checkpointInterval} steps and at the end.
 * Throughput is over the last {@value #THROUGHPUT_WINDOW} steps of the session, its first step
 * left out once there is another (it runs before the JIT has compiled the step).
 */
final class TrainingLoop {

    private static final int THROUGHPUT_WINDOW = 20;

    /** What the loop drives: a model being trained. */
    interface Run {

        /** Updates done so far. */
        long step();

        /** One update on the current step's batch; advances the step. */
        StepFigures trainStep() throws IOException;

        /** The progress line of the step just done, from its figures and the session's clock. */
        TrainingProgress progress(StepFigures figures, Clock clock);

        /**
         * Evaluates the current weights (if there is anything to evaluate) and tells {@code listener};
         * returns a MusicVAE evaluation for the result, else null.
         */
        EvaluationReport evaluate(TrainingListener listener);

        /** Writes a checkpoint of the current step. */
        void checkpoint(Clock clock) throws IOException;
    }

    /** Wall time of the run over its sessions, and the recent steps' mean time. */
    static final class Clock {

        private final double elapsedBefore;
        private final long sessionStart = System.nanoTime();
        private final ArrayDeque<Long> recentStepNanos = new ArrayDeque<>();
        private int sessionSteps;

        /** @param elapsedBefore seconds the run trained in earlier sessions */
        Clock(double elapsedBefore) {
            this.elapsedBefore = elapsedBefore;
        }

        void stepTook(long nanos) {
            recentStepNanos.addLast(nanos);
            sessionSteps++;
            if (sessionSteps == 2 || recentStepNanos.size() > THROUGHPUT_WINDOW) {
                recentStepNanos.removeFirst();
            }
        }

        /** Mean seconds per step over the recent steps; 0 before the first. */
        double meanStepSeconds() {
            return recentStepNanos.stream().mapToLong(Long::longValue).average().orElse(0) / 1e9;
        }

        /** Sequences per second of {@code batch}-sequence steps at the recent mean; 0 before the first step. */
        double sequencesPerSecond(int batch) {
            double mean = meanStepSeconds();
            return mean > 0 ? batch / mean : 0;
        }

        /** Wall seconds of the whole run, earlier sessions included. */
        double elapsedSeconds() {
            return elapsedBefore + (System.nanoTime() - sessionStart) / 1e9;
        }
    }

    private TrainingLoop() {
    }

    /**
     * Runs {@code run} to the settings' total steps or a stop request; ends with a checkpoint.
     *
     * @param history the run's history, appended to
     */
    static TrainingResult run(Trainer.Settings settings, TrainingListener listener, double elapsedBefore, Run run,
                              List<TrainingProgress> history) throws IOException {
        Clock clock = new Clock(elapsedBefore);
        double[] sums = new double[4];
        int summed = 0;
        TrainingProgress last = null;
        EvaluationReport lastEvaluation = null;
        long checkpointed = -1;
        boolean stopped = false;
        while (run.step() < settings.totalSteps()) {
            if (listener.stopRequested()) {
                stopped = true;
                break;
            }
            long begin = System.nanoTime();
            StepFigures figures = run.trainStep();
            clock.stepTook(System.nanoTime() - begin);
            last = run.progress(figures, clock);
            listener.onProgress(last);
            sums[0] += figures.loss();
            sums[1] += figures.reconstruction();
            sums[2] += figures.kl();
            sums[3] += figures.accuracy();
            summed++;
            long step = run.step();
            if (step % settings.historyInterval() == 0) {
                history.add(new TrainingProgress(last.step(), last.totalSteps(), last.sequencesPerSecond(),
                        sums[0] / summed, sums[1] / summed, sums[2] / summed, sums[3] / summed,
                        last.learningRate(), last.beta(), last.elapsedSeconds(), last.etaSeconds(),
                        last.samplingProbability()));
                sums = new double[4];
                summed = 0;
            }
            if (step % settings.evalInterval() == 0) {
                EvaluationReport report = run.evaluate(listener);
                lastEvaluation = report != null ? report : lastEvaluation;
            }
            if (step % settings.checkpointInterval() == 0) {
                run.checkpoint(clock);
                checkpointed = step;
                listener.onCheckpoint(settings.outputDir(), step);
            }
        }
        if (checkpointed != run.step()) {
            run.checkpoint(clock);
            listener.onCheckpoint(settings.outputDir(), run.step());
        }
        return new TrainingResult(settings.outputDir(), run.step(), stopped, last, lastEvaluation);
    }
}
