package org.melodypalette.model.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ContinuationConfig;
import org.melodypalette.model.infer.ContinuationModel;
import org.melodypalette.model.train.ContinuationCheckpoint;
import org.melodypalette.music.Melody;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.tokenizer.MelodyTokenizer;
import org.melodypalette.tokenizer.OutOfRangePolicy;

/**
 * What the CLI and the workbench call to continue melodies with a continuation checkpoint: a melody's
 * labels prime the model, which writes the bars after it. Every returned melody starts with the
 * primer's labels exactly. One caller at a time.
 */
public final class MelodyContinuer implements AutoCloseable {

    private final ContinuationModel model;
    private final MelodyTokenizer tokenizer;
    private final long step;

    private MelodyContinuer(ContinuationModel model, long step) {
        this.model = model;
        this.step = step;
        ContinuationConfig config = model.config();
        OutOfRangePolicy policy = config.maxPitch() - config.minPitch() >= 11
                ? OutOfRangePolicy.OCTAVE_FOLD : OutOfRangePolicy.STRICT;
        this.tokenizer = MelodyTokenizer.of(config.minPitch(), config.maxPitch(), policy);
    }

    /** Reads a continuation checkpoint; a problem is one {@link IOException} naming the folder. */
    public static MelodyContinuer open(Path checkpoint) throws IOException {
        return open(checkpoint, ComputeOptions.fromSystemProperties());
    }

    public static MelodyContinuer open(Path checkpoint, ComputeOptions options) throws IOException {
        ContinuationCheckpoint.Model loaded = ContinuationCheckpoint.readModel(checkpoint);
        return new MelodyContinuer(ContinuationModel.load(loaded.config(), loaded.weights(), options), loaded.step());
    }

    /**
     * Whether {@code folder} holds a continuation model (its {@code config.json} says so), so that lists
     * of MusicVAE checkpoints can leave it out; false when there is none or it cannot be read.
     */
    public static boolean isContinuation(Path folder) {
        try {
            return ContinuationCheckpoint.isContinuation(folder);
        } catch (IOException e) {
            return false;
        }
    }

    /** A continuer on weights in memory (every variable of {@code config}). */
    public static MelodyContinuer of(ContinuationConfig config, WeightSet weights, ComputeOptions options) {
        return new MelodyContinuer(ContinuationModel.load(config, weights, options), 0);
    }

    public ContinuationConfig config() {
        return model.config();
    }

    /** The model's config name ({@code continue_4bar_cpu}), for people. */
    public String name() {
        return model.config().name();
    }

    /** The training step of the checkpoint (0 if it has no training state). */
    public long step() {
        return step;
    }

    /**
     * The primer's labels, one per step of the melody rounded up to whole bars of the model (a part-bar
     * ends in silence, so the continuation starts on a bar line, where the model's positions count from); the
     * model's vocabulary, octave-folding out-of-range pitches.
     */
    public int[] labels(Melody primer) {
        int perBar = model.config().stepsPerBar();
        int steps = (primer.lengthSteps() + perBar - 1) / perBar * perBar;
        return tokenizer.encode(primer, steps);
    }

    /**
     * K continuations of {@code primer} by {@code bars} bars each, on the primer's grid.
     *
     * @throws IllegalArgumentException if the primer's steps are not the model's (16ths), or bars < 1
     */
    public List<Melody> continueMelody(Melody primer, int bars, ContinuationOptions options) {
        TimeGrid grid = primer.grid();
        int perBar = model.config().stepsPerBar();
        // Bars are counted in the model's 4/4 bars; a file marked in another metre (POP909's 1/4, say) keeps its
        // own grid and tempo in the output, as long as its steps are the model's (16ths).
        if (grid.stepsPerQuarter() * 4 != perBar) {
            throw new IllegalArgumentException("the melody is quantised to " + grid.stepsPerQuarter()
                    + " steps a quarter note but the model " + model.config().name() + " to " + perBar / 4);
        }
        if (bars < 1) {
            throw new IllegalArgumentException("bars must be at least 1, got " + bars);
        }
        List<Melody> melodies = new ArrayList<>();
        for (int[] labels : continueLabels(labels(primer), bars * perBar, options)) {
            melodies.add(tokenizer.decode(labels, grid));
        }
        return melodies;
    }

    /** K label sequences: {@code primer} followed by {@code steps} new labels. */
    public List<int[]> continueLabels(int[] primer, int steps, ContinuationOptions options) {
        return model.continueLabels(primer, steps, options);
    }

    /** The kernel in words. */
    public String description() {
        return model.description();
    }

    @Override
    public void close() {
        model.close();
    }
}
