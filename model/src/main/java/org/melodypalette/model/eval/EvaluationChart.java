package org.melodypalette.model.eval;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.melodypalette.model.api.EvaluationFeature;
import org.melodypalette.model.api.EvaluationInterpolation;
import org.melodypalette.model.api.EvaluationRealism;
import org.melodypalette.model.api.EvaluationReport;
import org.melodypalette.model.api.EvaluationResults;
import org.melodypalette.model.api.Hamming;

/**
 * Draws {@link EvaluationResults} as a PNG for the model card, on a {@link BufferedImage} (no
 * window, works headless). Top row: the interpolation curves, Hamming distance to A and share of
 * notes in key per point, latent path (blue, solid) vs data-space mix (orange, dashed). Bottom
 * row: each sample-realism feature's histogram, prior samples (blue) vs data (orange), with the
 * overlap and its ceiling in the title. The model's series are blue, the data's orange throughout.
 */
public final class EvaluationChart {

    static final int WIDTH = 1500;
    static final int HEIGHT = 900;
    static final Color MODEL = new Color(0x1f77b4);
    static final Color DATA = new Color(0xff7f0e);
    private static final Color INK = new Color(0x333333);
    private static final Color GRID = new Color(0xe0e0e0);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Stroke SOLID = new BasicStroke(2.5f);
    private static final Stroke DASHED = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
            new float[] {9f, 6f}, 0f);

    private EvaluationChart() {
    }

    /** The PNG bytes. */
    public static byte[] png(EvaluationResults results) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setColor(INK);
            g.setFont(TITLE);
            g.drawString(heading(results.reconstruction()), 20, 26);
            if (results.interpolation() != null) {
                drawInterpolation(g, results.interpolation());
            } else {
                g.drawString("interpolation skipped (0 pairs)", 80, 200);
            }
            if (results.sampleRealism() != null) {
                drawRealism(g, results.sampleRealism());
            } else {
                g.drawString("sample realism skipped (0 samples)", 80, 650);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the evaluation plot as PNG", e);
        }
        return out.toByteArray();
    }

    private static String heading(EvaluationReport r) {
        return String.format(Locale.ROOT, "step %d, %s split, %d windows, seed %d: teacher-forced accuracy %.3f, "
                        + "sampled accuracy %.3f, KL %.1f, ELBO %.1f nats", r.step(), r.split().name().toLowerCase(Locale.ROOT),
                r.windows(), r.seed(), r.teacherForcedAccuracy(), r.sampledAccuracy(), r.kl(), r.elbo());
    }

    private static void drawInterpolation(Graphics2D g, EvaluationInterpolation interpolation) {
        int n = interpolation.points();
        String path = interpolation.latentPath().name().toLowerCase(Locale.ROOT);
        Frame hamming = new Frame(70, 70, 640, 380, 0, 1, 0, 1);
        hamming.axes(g, String.format(Locale.ROOT, "Hamming distance to A (%d pairs, %d points)", interpolation.pairs(), n),
                null, "position on the path from A to B");
        hamming.horizontal(g, interpolation.distanceAB(), "d(A, B)");
        hamming.curve(g, interpolation.latent().hammingToA(), MODEL, SOLID);
        hamming.curve(g, interpolation.data().hammingToA(), DATA, DASHED);
        hamming.legend(g, List.of("latent (" + path + ", argmax)", "data-space mix"), true);

        List<Double> latentKey = interpolation.latent().inKeyByPoint();
        List<Double> dataKey = interpolation.data().inKeyByPoint();
        double low = Math.min(interpolation.endpointsInKey(), Math.min(minimum(latentKey), minimum(dataKey)));
        Frame key = new Frame(800, 70, 640, 380, 0, 1, Math.max(0, Math.floor(low * 10 - 1) / 10), 1);
        key.axes(g, "share of notes in the key of A and B", null, "position on the path from A to B");
        key.horizontal(g, interpolation.endpointsInKey(), "A and B");
        key.curve(g, latentKey, MODEL, SOLID);
        key.curve(g, dataKey, DATA, DASHED);
        key.legend(g, List.of(String.format(Locale.ROOT, "latent: %.3f inside", interpolation.latent().inKey()),
                String.format(Locale.ROOT, "data-space: %.3f inside", interpolation.data().inKey())), false);
    }

    private static void drawRealism(Graphics2D g, EvaluationRealism realism) {
        List<EvaluationFeature> features = List.of(realism.noteDensity(), realism.barOnsets(), realism.pitchRange(),
                realism.pitchClass(), realism.keyPitchClass(), realism.interval());
        List<String> names = List.of("note density", "note-ons per bar", "pitch range", "pitch class",
                "pitch class above tonic", "interval");
        int width = 190;
        for (int f = 0; f < features.size(); f++) {
            EvaluationFeature feature = features.get(f);
            double top = Math.max(maximum(feature.samples()), maximum(feature.data())) * 1.1;
            Frame frame = new Frame(70 + f * (width + 50), 580, width, 270, 0, feature.bins().size(), 0,
                    top > 0 ? top : 1);
            frame.axes(g, names.get(f), String.format(Locale.ROOT, "overlap %.2f (data halves %.2f)", feature.overlap(),
                    feature.ceilingOverlap()), null);
            frame.bars(g, feature.bins(), feature.samples(), feature.data());
            if (f == 0) {
                frame.legend(g, List.of(realism.samples() + " samples", realism.dataWindows() + " data windows"), true);
            }
        }
    }

    private static double minimum(List<Double> values) {
        return values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double maximum(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** A plot area in pixels and the data ranges it shows. */
    private record Frame(int x, int y, int w, int h, double xMin, double xMax, double yMin, double yMax) {

        int px(double value) {
            return x + (int) Math.round((value - xMin) / (xMax - xMin) * w);
        }

        int py(double value) {
            return y + h - (int) Math.round((value - yMin) / (yMax - yMin) * h);
        }

        /** Grid, y ticks, frame and title; the subtitle (if any) goes under the title, x ticks (0..1) only with an x label. */
        void axes(Graphics2D g, String title, String subtitle, String xLabel) {
            g.setFont(TEXT);
            FontMetrics metrics = g.getFontMetrics();
            double step = tickStep(yMax - yMin);
            for (long k = (long) Math.ceil(yMin / step - 1e-9); k * step <= yMax + 1e-9; k++) {
                double value = k * step;
                g.setColor(GRID);
                g.drawLine(x, py(value), x + w, py(value));
                g.setColor(INK);
                String label = String.format(Locale.ROOT, step < 0.1 ? "%.2f" : "%.1f", value);
                g.drawString(label, x - 8 - metrics.stringWidth(label), py(value) + 4);
            }
            if (xLabel != null) {
                for (int k = 0; k <= 10; k += 2) {
                    String label = String.format(Locale.ROOT, "%.1f", k / 10.0);
                    g.drawString(label, px(k / 10.0) - metrics.stringWidth(label) / 2, y + h + 18);
                }
                g.drawString(xLabel, x + (w - metrics.stringWidth(xLabel)) / 2, y + h + 38);
            }
            g.drawRect(x, y, w, h);
            g.setFont(TITLE);
            g.drawString(title, x, subtitle == null ? y - 10 : y - 28);
            g.setFont(TEXT);
            if (subtitle != null) {
                g.drawString(subtitle, x, y - 10);
            }
        }

        /** 1, 2 or 5 times a power of ten, giving 3 to 6 ticks over the range. */
        static double tickStep(double range) {
            double raw = range / 5;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double residual = raw / magnitude;
            return (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10) * magnitude;
        }

        void curve(Graphics2D g, List<Double> values, Color color, Stroke stroke) {
            g.setColor(color);
            Stroke saved = g.getStroke();
            g.setStroke(stroke);
            int n = values.size();
            for (int i = 0; i + 1 < n; i++) {
                if (!values.get(i).isNaN() && !values.get(i + 1).isNaN()) {
                    g.drawLine(px(i / (n - 1.0)), py(values.get(i)), px((i + 1) / (n - 1.0)), py(values.get(i + 1)));
                }
            }
            g.setStroke(saved);
            for (int i = 0; i < n; i++) {
                if (!values.get(i).isNaN()) {
                    g.fillOval(px(i / (n - 1.0)) - 4, py(values.get(i)) - 4, 8, 8);
                }
            }
        }

        void horizontal(Graphics2D g, double value, String label) {
            if (Double.isNaN(value)) {
                return;
            }
            g.setColor(Color.GRAY);
            g.drawLine(x, py(value), x + w, py(value));
            g.drawString(label, x + w - g.getFontMetrics().stringWidth(label) - 4, py(value) - 4);
        }

        /** Samples (left half of each bin) and data (right half) side by side. */
        void bars(Graphics2D g, List<String> bins, List<Double> samples, List<Double> data) {
            double binWidth = w / (double) bins.size();
            for (int k = 0; k < bins.size(); k++) {
                int left = x + (int) Math.round(k * binWidth);
                int half = Math.max(1, (int) Math.floor(binWidth / 2));
                g.setColor(MODEL);
                g.fillRect(left, py(samples.get(k)), half, y + h - py(samples.get(k)));
                g.setColor(DATA);
                g.fillRect(left + half, py(data.get(k)), half, y + h - py(data.get(k)));
            }
            g.setColor(INK);
            FontMetrics metrics = g.getFontMetrics();
            int every = Math.max(1, (int) Math.ceil(bins.size() / (w / 28.0)));
            for (int k = 0; k < bins.size(); k += every) {
                String label = bins.get(k);
                int center = x + (int) Math.round((k + 0.5) * binWidth);
                g.drawString(label, center - metrics.stringWidth(label) / 2, y + h + 18);
            }
        }

        void legend(Graphics2D g, List<String> labels, boolean top) {
            g.setFont(TEXT);
            int row = top ? y + 20 : y + h - 10 - 18 * (labels.size() - 1);
            for (int i = 0; i < labels.size(); i++) {
                g.setColor(i == 0 ? MODEL : DATA);
                g.fillRect(x + 12, row - 10, 18, 10);
                g.setColor(INK);
                g.drawString(labels.get(i), x + 36, row);
                row += 18;
            }
        }
    }
}
