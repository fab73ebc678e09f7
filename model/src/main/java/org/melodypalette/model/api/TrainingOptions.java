package org.melodypalette.model.api;

import java.nio.file.Path;

/**
 * What to train and how often to evaluate and checkpoint.
 *
 * @param preset             model preset name (e.g. {@code mel_2bar_cpu}); null if {@code configFile} is given
 *                           or when resuming (the checkpoint's config is used)
 * @param configFile         a {@code config.json} of our format instead of a preset; may be null
 * @param dataset            the window dataset file (its train split is trained on, its eval split evaluated)
 * @param outputDir          the checkpoint folder the run writes and resumes from
 * @param steps              the step to stop at (total, counting steps of earlier sessions)
 * @param checkpointInterval steps between checkpoints (a last one is written at the end)
 * @param evalInterval       steps between evaluations on the eval split
 * @param evalWindows        eval windows used per periodic evaluation (the first ones); 0 = all
 * @param seed               seed of initial weights, data order, augmentation and latent noise
 * @param resume             continue the checkpoint in {@code outputDir} if there is one; without it an
 *                           existing checkpoint there is an error
 * @param threads            threads of a training step: shards of the batch for the hand-written step
 *                           (the default on a CPU) and native threads per op for ND4J (evaluation, or
 *                           the graph on a GPU); 0 = one shard per core and ND4J's default. The
 *                           factories use {@link #DEFAULT_THREADS}
 * @param initFrom           a new run starts from this checkpoint's weights and step (a warm start: the
 *                           schedules go on from that step, Adam starts afresh); null = random weights.
 *                           Ignored when {@code outputDir} already holds a checkpoint to resume
 */
public record TrainingOptions(String preset, Path configFile, Path dataset, Path outputDir, long steps,
                              int checkpointInterval, int evalInterval, int evalWindows, long seed,
                              boolean resume, int threads, Path initFrom) {

    public static final long DEFAULT_STEPS = 20_000;
    public static final int DEFAULT_CHECKPOINT_INTERVAL = 200;
    public static final int DEFAULT_EVAL_INTERVAL = 1_000;
    public static final int DEFAULT_EVAL_WINDOWS = 512;
    /**
     * One thread, for the workbench and evaluation, which share the machine with the user's
     * playing and dragging: ND4J's OpenMP workers spin while the cores are taken, so on shared cores
     * two native threads can be much slower than one. {@code palette train} defaults to 0, one shard
     * of the batch per core.
     */
    public static final int DEFAULT_THREADS = 1;

    public TrainingOptions {
        if (dataset == null || outputDir == null) {
            throw new IllegalArgumentException("a dataset file and an output folder are required");
        }
        if (preset != null && configFile != null) {
            throw new IllegalArgumentException("give a preset or a config file, not both");
        }
        if (!resume && preset == null && configFile == null) {
            throw new IllegalArgumentException("a new run needs a preset or a config file");
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads " + threads + " must be >= 0 (0 = ND4J's default)");
        }
        if (steps < 1 || checkpointInterval < 1 || evalInterval < 1 || evalWindows < 0) {
            throw new IllegalArgumentException("steps " + steps + ", checkpointInterval " + checkpointInterval
                    + " and evalInterval " + evalInterval + " must be positive, evalWindows " + evalWindows
                    + " non-negative");
        }
    }

    /** Options from random weights with {@link #DEFAULT_THREADS} threads. */
    public TrainingOptions(String preset, Path configFile, Path dataset, Path outputDir, long steps,
                           int checkpointInterval, int evalInterval, int evalWindows, long seed, boolean resume) {
        this(preset, configFile, dataset, outputDir, steps, checkpointInterval, evalInterval, evalWindows, seed,
                resume, DEFAULT_THREADS, null);
    }

    /** A new run of a preset with the default schedule and seed 0. */
    public static TrainingOptions preset(String preset, Path dataset, Path outputDir) {
        return new TrainingOptions(preset, null, dataset, outputDir, DEFAULT_STEPS, DEFAULT_CHECKPOINT_INTERVAL,
                DEFAULT_EVAL_INTERVAL, DEFAULT_EVAL_WINDOWS, 0L, false);
    }

    public TrainingOptions withSteps(long newSteps) {
        return new TrainingOptions(preset, configFile, dataset, outputDir, newSteps, checkpointInterval,
                evalInterval, evalWindows, seed, resume, threads, initFrom);
    }

    public TrainingOptions withIntervals(int newCheckpointInterval, int newEvalInterval, int newEvalWindows) {
        return new TrainingOptions(preset, configFile, dataset, outputDir, steps, newCheckpointInterval,
                newEvalInterval, newEvalWindows, seed, resume, threads, initFrom);
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(preset, configFile, dataset, outputDir, steps, checkpointInterval,
                evalInterval, evalWindows, newSeed, resume, threads, initFrom);
    }

    public TrainingOptions withResume(boolean newResume) {
        return new TrainingOptions(preset, configFile, dataset, outputDir, steps, checkpointInterval,
                evalInterval, evalWindows, seed, newResume, threads, initFrom);
    }

    public TrainingOptions withThreads(int newThreads) {
        return new TrainingOptions(preset, configFile, dataset, outputDir, steps, checkpointInterval,
                evalInterval, evalWindows, seed, resume, newThreads, initFrom);
    }

    public TrainingOptions withInitFrom(Path checkpoint) {
        return new TrainingOptions(preset, configFile, dataset, outputDir, steps, checkpointInterval,
                evalInterval, evalWindows, seed, resume, threads, checkpoint);
    }
}
