package org.melodypalette.model.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.model.api.EvaluationFidelity;
import org.melodypalette.model.api.EvaluationInterpolation;
import org.melodypalette.model.api.EvaluationOptions;
import org.melodypalette.model.api.EvaluationRealism;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.EvaluationResults;
import org.melodypalette.model.api.EvaluationSplit;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.TrainingOptions;
import org.melodypalette.model.checkpoint.LoadedCheckpoint;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.eval.EvalLabels;
import org.melodypalette.model.eval.EvaluationChart;
import org.melodypalette.model.eval.FidelityEvaluator;
import org.melodypalette.model.eval.InterpolationEvaluator;
import org.melodypalette.model.eval.RealismEvaluator;
import org.melodypalette.model.graphtrain.NativeThreads;
import org.melodypalette.model.graphtrain.TrainingEngines;
import org.melodypalette.model.train.Evaluator;
import org.melodypalette.model.train.TrainingCheckpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates a checkpoint (ours, or a magenta.js one that has the posterior's sigma) on a window dataset file: reconstruction accuracy
 * (teacher-forced and sampled at temperature 1.0), KL and ELBO, defined in {@link EvaluationReport}; with
 * {@link EvaluationOptions}, also interpolation quality ({@link EvaluationInterpolation}) and sample realism
 * ({@link EvaluationRealism}). Deterministic for a seed.
 */
public final class Evaluation {

    private static final Logger LOG = LoggerFactory.getLogger(Evaluation.class);

    /** Forward batch size; does not change the figures. */
    static final int BATCH = 64;

    private Evaluation() {
    }

    /** Reconstruction only, on all windows of the split, seed 0, {@link TrainingOptions#DEFAULT_THREADS}. */
    public static EvaluationReport evaluate(Path checkpoint, Path datasetFile, EvaluationSplit split)
            throws IOException {
        NativeThreads.limit(TrainingOptions.DEFAULT_THREADS);
        LoadedCheckpoint model = TrainingCheckpoint.readModel(checkpoint);
        return reconstruction(checkpoint, model, splitWindows(datasetFile, model.config(), split, 0), split, 0L);
    }

    /**
     * Reconstruction, then (unless skipped by 0 pairs or 0 samples) interpolation quality and sample
     * realism on the same windows, through the inference API the workbench uses
     * ({@link MelodyGenerators#open}).
     */
    public static EvaluationResults evaluate(Path checkpoint, Path datasetFile, EvaluationOptions options)
            throws IOException {
        if (options.threads() > 0) {
            NativeThreads.limit(options.threads());
        }
        LoadedCheckpoint model = TrainingCheckpoint.readModel(checkpoint);
        LabelWindows windows = splitWindows(datasetFile, model.config(), options.split(), options.maxWindows());
        EvaluationReport reconstruction = reconstruction(checkpoint, model, windows, options.split(), options.seed());
        if (options.pairs() == 0 && options.samples() == 0 && options.fidelity() == null) {
            return new EvaluationResults(reconstruction, null, null);
        }
        List<int[]> canonical = new ArrayList<>(windows.count());
        for (int i = 0; i < windows.count(); i++) {
            canonical.add(EvalLabels.canonical(windows.window(i)));
        }
        try (LatentCodec codec = MelodyGenerators.open(checkpoint)) {
            long start = System.nanoTime();
            EvaluationInterpolation interpolation = options.pairs() == 0 ? null
                    : InterpolationEvaluator.evaluate(codec, canonical, options.pairs(), options.points(),
                            options.path(), options.seed());
            long interpolated = System.nanoTime();
            EvaluationRealism realism = options.samples() == 0 ? null
                    : RealismEvaluator.evaluate(codec, canonical, options.samples(), options.temperature(),
                            options.seed());
            long realised = System.nanoTime();
            LOG.info("interpolation ({} pairs) took {} ms, sample realism ({} samples) {} ms", options.pairs(),
                    (interpolated - start) / 1_000_000, options.samples(), (realised - interpolated) / 1_000_000);
            EvaluationFidelity fidelity = options.fidelity() == null ? null
                    : FidelityEvaluator.evaluate(codec, canonical, options.fidelity(), options.path(), options.seed());
            LOG.info("fidelity figures took {} ms", (System.nanoTime() - realised) / 1_000_000);
            return new EvaluationResults(reconstruction, interpolation, realism, fidelity);
        }
    }

    /**
     * Writes a PNG ({@code 1500 × 900}) of the results: the interpolation curves (Hamming distance to
     * A and notes in key, latent vs data space) and the sample-realism histograms (samples vs data).
     * Written atomically; needs no display.
     */
    public static void writePlot(EvaluationResults results, Path png) throws IOException {
        AtomicFiles.write(png, EvaluationChart.png(results));
    }

    private static LabelWindows splitWindows(Path datasetFile, ModelConfig config, EvaluationSplit split, int maxWindows)
            throws IOException {
        WindowDataset data = WindowDatasetFile.read(datasetFile);
        MusicVaeTraining.requireCompatible(config, data, datasetFile);
        LabelWindows windows = Evaluator.first(Evaluator.windows(data, split), maxWindows);
        if (windows.count() == 0) {
            throw new IOException(datasetFile + ": the " + split + " split has no windows");
        }
        return windows;
    }

    private static EvaluationReport reconstruction(Path checkpoint, LoadedCheckpoint model, LabelWindows windows,
                                                   EvaluationSplit split, long seed) throws IOException {
        return TrainingEngines.evaluate(model.config(), model.weights(), windows, split, TrainingCheckpoint.readStep(checkpoint),
                seed, BATCH);
    }
}
