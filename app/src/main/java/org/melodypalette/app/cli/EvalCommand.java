package org.melodypalette.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.model.service.Evaluation;
import org.melodypalette.model.api.EvaluationFeature;
import org.melodypalette.model.api.EvaluationInterpolation;
import org.melodypalette.model.api.EvaluationFidelity;
import org.melodypalette.model.api.EvaluationOptions;
import org.melodypalette.model.api.EvaluationRealism;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.EvaluationResults;
import org.melodypalette.model.api.EvaluationSplit;
import org.melodypalette.model.api.FidelityOptions;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.api.RefineOptions;
import org.melodypalette.model.api.TrainingOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code palette eval}: reconstruction accuracy and ELBO, interpolation quality and sample realism
 * of a checkpoint on a dataset split (the model card's figures; definitions in the Javadoc of
 * {@link EvaluationResults} and the types it holds).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Evaluate a checkpoint on a dataset split: teacher-forced and sampled (temperature 1.0) "
                + "reconstruction accuracy, KL and ELBO, as in the MusicVAE paper; latent vs data-space interpolation "
                + "(Hamming distance to A, smoothness, notes in key); prior samples vs data (note density, "
                + "note-ons per bar, pitch range, pitch classes, intervals: histogram overlap and Jensen-Shannon "
                + "divergence, with the data's two halves as the ceiling).",
                "Prints a summary, or the JSON report with --json."})
final class EvalCommand implements Callable<Integer> {

    /** {@code --json} without a file. */
    private static final String STDOUT = "-";

    @Option(names = "--checkpoint", required = true, paramLabel = "DIR")
    Path checkpoint;

    @Option(names = "--data", required = true, paramLabel = "FILE")
    Path data;

    @Option(names = "--split", defaultValue = "EVAL", description = "EVAL, TRAIN or ALL (default ${DEFAULT-VALUE}).",
            converter = SplitConverter.class)
    EvaluationSplit split;

    @Option(names = "--max-windows", defaultValue = "0", description = "Evaluate only the first N windows (0 = all).")
    int maxWindows;

    @Option(names = "--seed", defaultValue = "0",
            description = "Seed of the sampled reconstruction, the interpolation pairs and the prior samples (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--pairs", defaultValue = "" + EvaluationOptions.DEFAULT_PAIRS, paramLabel = "N",
            description = "Interpolation pairs (A, B) of windows (default ${DEFAULT-VALUE}; 0 skips interpolation).")
    int pairs;

    @Option(names = "--points", defaultValue = "" + EvaluationOptions.DEFAULT_POINTS, paramLabel = "N",
            description = "Melodies per interpolation, endpoints included (default ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--interpolation", defaultValue = "SLERP", paramLabel = "MODE",
            description = "Latent path: LERP or SLERP (default ${DEFAULT-VALUE}, as the workbench).")
    Interpolation path;

    @Option(names = "--samples", defaultValue = "" + EvaluationOptions.DEFAULT_SAMPLES, paramLabel = "N",
            description = "Prior samples compared with the data (default ${DEFAULT-VALUE}; 0 skips sample realism).")
    int samples;

    @Option(names = "--temperature", defaultValue = "" + EvaluationOptions.DEFAULT_TEMPERATURE, paramLabel = "T",
            description = "Sampling temperature of the prior samples (default ${DEFAULT-VALUE}; 0 = argmax).")
    double temperature;

    @Option(names = "--fidelity",
            description = "Also measure fidelity: each window's argmax decode from its posterior mean (share exact, "
                    + "at most 1 and 2 wrong steps, bars exact) and paths of --fidelity-points between the means "
                    + "and between refined codes of the pairs (distinct melodies, largest neighbour change, ends "
                    + "equal A and B).")
    boolean fidelity;

    @Option(names = "--fidelity-pairs", defaultValue = "" + EvaluationOptions.DEFAULT_PAIRS, paramLabel = "N",
            description = "Pairs of the fidelity paths (default ${DEFAULT-VALUE}; 0 skips the paths).")
    int fidelityPairs;

    @Option(names = "--fidelity-points", defaultValue = "" + FidelityOptions.DEFAULT_POINTS, paramLabel = "N",
            description = "Points per fidelity path, ends included (default ${DEFAULT-VALUE}).")
    int fidelityPoints;

    @Option(names = "--refine-windows",
            description = "With --fidelity: also refine every window and report exactness, steps and time.")
    boolean refineWindows;

    @Option(names = "--refine-stride", defaultValue = "1", paramLabel = "K",
            description = "With --refine-windows: refine every K-th window only, an evenly spread sample "
                    + "(default ${DEFAULT-VALUE}: all).")
    int refineStride;

    @Mixin
    RefineSettings refine = new RefineSettings();

    @Option(names = "--json", arity = "0..1", fallbackValue = STDOUT, paramLabel = "FILE",
            description = "Write the report as JSON to FILE, or print it instead of the summary when no FILE is given.")
    String json;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Write a PNG of the interpolation curves and the feature histograms.")
    Path plot;

    @Override
    public Integer call() throws IOException {
        EvaluationOptions options = new EvaluationOptions(split, seed, maxWindows, TrainingOptions.DEFAULT_THREADS,
                pairs, points, path, samples, temperature, !fidelity ? null
                        : new FidelityOptions(fidelityPairs, fidelityPoints, refine.options(), refineWindows,
                                refineStride));
        EvaluationResults results = Evaluation.evaluate(checkpoint, data, options);
        ReportFile plotFile = plot == null ? null : ReportFile.before(plot);
        ReportFile jsonFile = json == null || STDOUT.equals(json) ? null : ReportFile.before(Path.of(json));
        if (plot != null) {
            // the plot is drawn on an image, never on a screen: do not let AWT look for a display
            System.setProperty("java.awt.headless", "true");
            Evaluation.writePlot(results, plot);
        }
        if (STDOUT.equals(json)) {
            System.out.println(Json.write(results));
            return 0;
        }
        if (json != null) {
            AtomicFiles.write(Path.of(json), (Json.write(results) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        System.out.print(summary(results));
        if (jsonFile != null) {
            System.out.println("JSON report: " + jsonFile.describe());
        }
        if (plotFile != null) {
            System.out.println("plot: " + plotFile.describe());
        }
        return 0;
    }

    /** The report for people, figures rounded. */
    static String summary(EvaluationResults results) {
        StringBuilder out = new StringBuilder();
        EvaluationReport r = results.reconstruction();
        line(out, "Checkpoint step %d, %s split: %d windows, seed %d", r.step(), r.split().name().toLowerCase(Locale.ROOT),
                r.windows(), r.seed());
        line(out, "Reconstruction: teacher-forced accuracy %.3f, sampled accuracy %.3f (temperature 1.0)",
                r.teacherForcedAccuracy(), r.sampledAccuracy());
        line(out, "  per window: reconstruction %.2f nats, KL %.2f nats, ELBO %.2f nats", r.reconstruction(), r.kl(),
                r.elbo());
        if (results.interpolation() != null) {
            interpolation(out, results.interpolation());
        }
        if (results.sampleRealism() != null) {
            realism(out, results.sampleRealism());
        }
        if (results.fidelity() != null) {
            fidelity(out, results.fidelity());
        }
        return out.toString();
    }

    private static void fidelity(StringBuilder out, EvaluationFidelity f) {
        line(out, "Fidelity: %d windows, argmax decode", f.windows());
        exactness(out, "from the posterior mean", f.mean());
        if (f.refined() != null) {
            RefineOptions o = f.refined().refine();
            exactness(out, String.format(Locale.ROOT, "refined, %d windows (≤ %d steps, lr %s, prior %s, ≤ %d ms)",
                    f.refinedWindows(), o.maxSteps(), o.learningRate(), o.priorWeight(), o.budgetMillis()),
                    f.refined());
            line(out, "    steps median %.0f, p90 %.0f, max %.0f; ms until done (batches of 32) median %.0f, p90 %.0f, max %.0f",
                    f.refined().steps().median(), f.refined().steps().p90(), f.refined().steps().max(),
                    f.refined().millis().median(), f.refined().millis().p90(), f.refined().millis().max());
        }
        paths(out, "between posterior means", f.meanPaths());
        paths(out, "between refined codes", f.refinedPaths());
        paths(out, "between refined codes, spaced evenly in what is heard", f.refinedEvenPaths());
    }

    private static void exactness(StringBuilder out, String what, EvaluationFidelity.Exactness e) {
        line(out, "  %s: exact %.3f, ≤ 1 wrong %.3f, ≤ 2 wrong %.3f; bars exact %.3f", what, e.exact(), e.withinOne(),
                e.withinTwo(), e.barsExact());
    }

    private static void paths(StringBuilder out, String what, EvaluationFidelity.Paths p) {
        if (p == null) {
            return;
        }
        line(out, "  %s paths %s (%d pairs, %d points): distinct melodies %.2f, largest neighbour change mean %.3f "
                + "worst %.3f, ends equal A and B %.3f", p.path(), what, p.pairs(), p.points(), p.meanDistinct(),
                p.meanLargestChange(), p.worstLargestChange(), p.endsEqual());
    }

    private static void interpolation(StringBuilder out, EvaluationInterpolation i) {
        line(out, "Interpolation: %d pairs, %d points; latent = %s between the means, argmax; mean Hamming(A, B) %.3f",
                i.pairs(), i.points(), i.latentPath(), i.distanceAB());
        StringBuilder header = new StringBuilder("  Hamming to A at  ");
        for (int p = 0; p < i.points(); p++) {
            header.append(String.format(Locale.ROOT, " %5.2f", p / (i.points() - 1.0)));
        }
        out.append(header).append('\n');
        curve(out, "    latent       ", i.latent().hammingToA());
        curve(out, "    data-space   ", i.data().hammingToA());
        line(out, "  mean |2nd difference| of that curve: latent %.3f, data-space %.3f (0 = constant speed)",
                i.latent().meanAbsSecondDifference(), i.data().meanAbsSecondDifference());
        line(out, "  mean largest step between neighbours: latent %.3f, data-space %.3f",
                i.latent().meanLargestStep(), i.data().meanLargestStep());
        line(out, "  notes in the key of A and B: A and B %.3f; inner points latent %.3f, data-space %.3f",
                i.endpointsInKey(), i.latent().inKey(), i.data().inKey());
    }

    private static void curve(StringBuilder out, String label, List<Double> values) {
        out.append(label);
        for (double v : values) {
            out.append(String.format(Locale.ROOT, " %5.3f", v));
        }
        out.append('\n');
    }

    private static void realism(StringBuilder out, EvaluationRealism s) {
        line(out, "Sample realism: %d prior samples (temperature %.2f) vs %d data windows; silent: samples %.3f, data %.3f",
                s.samples(), s.temperature(), s.dataWindows(), s.silentSamples(), s.silentData());
        realismFeatures(out, s);
    }

    /** The realism table: each feature's overlap and divergence beside the data halves' (the ceiling). */
    static void realismFeatures(StringBuilder out, EvaluationRealism s) {
        line(out, "  %-15s %18s %22s %18s", "feature", "overlap (halves)", "JS bits (halves)", "mean samples/data");
        feature(out, "noteDensity", s.noteDensity());
        feature(out, "barOnsets", s.barOnsets());
        feature(out, "pitchRange", s.pitchRange());
        feature(out, "pitchClass", s.pitchClass());
        feature(out, "keyPitchClass", s.keyPitchClass());
        feature(out, "interval", s.interval());
    }

    private static void feature(StringBuilder out, String name, EvaluationFeature f) {
        String means = f.samplesMean() == null || f.dataMean() == null ? ""
                : String.format(Locale.ROOT, "%.2f / %.2f", f.samplesMean(), f.dataMean());
        line(out, "  %-15s %9.3f (%.3f) %13.3f (%.3f) %18s", name, f.overlap(), f.ceilingOverlap(), f.jsDivergence(),
                f.ceilingJsDivergence(), means);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    /** Accepts eval, train, all in any case. */
    static final class SplitConverter implements picocli.CommandLine.ITypeConverter<EvaluationSplit> {
        @Override
        public EvaluationSplit convert(String value) {
            return EvaluationSplit.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
