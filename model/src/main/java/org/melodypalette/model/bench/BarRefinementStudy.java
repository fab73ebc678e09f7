package org.melodypalette.model.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.RefineOptions;
import org.melodypalette.model.infer.KernelMelodyGenerator;

/**
 * A measurement for docs/measurements/refine/ (issue 15): on evenly spread eval-split windows, refines
 * each window alone (batch 1, as the workbench does) under several {@link RefineOptions} and prints,
 * per step budget, the share of windows and of bars that argmax decoding gives back exactly, the
 * teacher-forced mistakes left, and the time per window. Refinement is deterministic without a time
 * budget, so the figure at a smaller budget is the same run cut short: a window exact within it is
 * taken from the largest run, the others are refined again with that budget.
 *
 * <pre>
 *   BarRefinementStudy CHECKPOINT WINDOWS_FILE COUNT BUDGETS VARIANT...
 *   BUDGETS: comma-separated step budgets, e.g. 0,25,50,100,200
 *   VARIANT: name:lr:barLr:barPull[:patience], e.g. z:0.3:0:0 or bars:0.3:0.05:0
 * </pre>
 */
public final class BarRefinementStudy {

    private BarRefinementStudy() {
    }

    public static void main(String[] args) throws Exception {
        Path checkpoint = Path.of(args[0]);
        Path data = Path.of(args[1]);
        int count = Integer.parseInt(args[2]);
        int[] budgets = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).sorted().toArray();
        RefinementBenchmark.Spread spread = RefinementBenchmark.Spread.of(data, count);
        int[][] windows = spread.windows();
        try (KernelMelodyGenerator codec = KernelMelodyGenerator.open(checkpoint)) {
            codec.warmUp();
            int barSteps = codec.info().stepsPerBar();
            System.out.printf(Locale.ROOT, "%d eval windows (spread evenly over the split's %d), %d bars each%n",
                    windows.length, spread.evalWindows(), codec.info().numSteps() / barSteps);
            for (int v = 4; v < args.length; v++) {
                study(codec, windows, budgets, args[v], barSteps);
            }
        }
    }

    private static void study(KernelMelodyGenerator codec, int[][] windows, int[] budgets, String variant,
                              int barSteps) {
        String[] p = variant.split(":");
        RefineOptions options = new RefineOptions(budgets[budgets.length - 1], Double.parseDouble(p[1]), 0, 0,
                Double.parseDouble(p[2]), Double.parseDouble(p[3]), p.length > 4 ? Integer.parseInt(p[4]) : 0);
        System.out.printf(Locale.ROOT, "%nvariant %s: %s%n", p[0], options);
        Encoding[] full = new Encoding[windows.length];
        double[] millis = new double[windows.length];
        for (int w = 0; w < windows.length; w++) {
            full[w] = codec.encodeLabels(new int[][] {windows[w]}, options).get(0);
            millis[w] = full[w].millis();
        }
        System.out.println("  budget | windows exact | bars exact | TF mistakes/window (mean) | steps taken median");
        for (int budget : budgets) {
            Encoding[] at = new Encoding[windows.length];
            for (int w = 0; w < windows.length; w++) {
                boolean sameRun = budget == options.maxSteps() || full[w].exact() && full[w].steps() <= budget;
                at[w] = sameRun ? full[w]
                        : codec.encodeLabels(new int[][] {windows[w]}, options.withMaxSteps(budget)).get(0);
            }
            report(codec, windows, at, budget, barSteps);
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  ms per window at budget %d (batch 1): median %.0f, p90 %.0f, max %.0f%n",
                options.maxSteps(), sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)],
                sorted[sorted.length - 1]);
    }

    private static void report(KernelMelodyGenerator codec, int[][] windows, Encoding[] codes, int budget,
                               int barSteps) {
        int exactWindows = 0;
        int exactBars = 0;
        int bars = 0;
        long mistakes = 0;
        int[] steps = new int[codes.length];
        for (int w = 0; w < windows.length; w++) {
            int[] decoded = codec.decodeCodes(List.of(codes[w].code()), DecodeOptions.ARGMAX)[0];
            exactWindows += Arrays.equals(decoded, windows[w]) ? 1 : 0;
            bars += decoded.length / barSteps;
            exactBars += RefinementBenchmark.barsEqual(decoded, windows[w], barSteps);
            mistakes += codes[w].mistakes();
            steps[w] = codes[w].steps();
        }
        Arrays.sort(steps);
        System.out.printf(Locale.ROOT, "  %6d | %13.3f | %10.3f | %25.1f | %d%n", budget,
                exactWindows / (double) windows.length, exactBars / (double) bars, mistakes / (double) windows.length,
                steps[steps.length / 2]);
    }
}
