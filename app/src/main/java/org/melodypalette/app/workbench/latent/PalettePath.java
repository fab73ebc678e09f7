package org.melodypalette.app.workbench.latent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.melodypalette.app.workbench.model.ClipFit;
import org.melodypalette.model.api.LatentCode;
import org.melodypalette.music.Melody;

/**
 * A path drawn across the 2-D palette: points (u, v) in [0, 1]² (u left → right, v top → bottom,
 * as {@link PaletteViewModel}'s corners), sampled at evenly spaced distances along it and turned
 * into latent codes by blending the four corners' codes bilinearly. A point within {@link #SNAP} of
 * an edge is put on it, so a path drawn from near a corner starts exactly at that corner.
 */
public record PalettePath(List<Point> points) {

    /** Distance from an edge, as a fraction of the side, under which a point is moved onto the edge. */
    public static final double SNAP = 0.03;

    /** One point of the path. */
    public record Point(double u, double v) {

        public Point {
            if (!(u >= 0 && u <= 1 && v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("point " + u + "," + v + " is outside the palette's 0..1 square");
            }
        }

        /** The point at (u, v) clamped into the square, snapped onto an edge when within {@link #SNAP} of it. */
        public static Point snapped(double u, double v) {
            return new Point(snap(u), snap(v));
        }

        private static double snap(double x) {
            double clamped = Math.max(0, Math.min(1, x));
            return clamped < SNAP ? 0 : clamped > 1 - SNAP ? 1 : clamped;
        }
    }

    public PalettePath {
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a path needs at least one point");
        }
    }

    /**
     * Reads {@code "u,v u,v …"} (spaces between points, a comma inside each).
     *
     * @throws IllegalArgumentException naming the point that is not two numbers in 0..1
     */
    public static PalettePath parse(String text) {
        List<Point> points = new ArrayList<>();
        for (String token : text.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            String[] parts = token.split(",");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                points.add(new Point(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("point \"" + token + "\" is not two numbers u,v");
            }
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points given (write them as \"0,0 0.5,0.2 1,1\")");
        }
        return new PalettePath(points);
    }

    /** Chaikin corner cutting, {@code passes} times; the first and last points stay where they are. */
    public PalettePath smoothed(int passes) {
        List<Point> current = points;
        for (int pass = 0; pass < passes && current.size() > 2; pass++) {
            List<Point> next = new ArrayList<>();
            next.add(current.get(0));
            for (int i = 0; i + 1 < current.size(); i++) {
                Point a = current.get(i);
                Point b = current.get(i + 1);
                next.add(new Point(0.75 * a.u() + 0.25 * b.u(), 0.75 * a.v() + 0.25 * b.v()));
                next.add(new Point(0.25 * a.u() + 0.75 * b.u(), 0.25 * a.v() + 0.75 * b.v()));
            }
            next.add(current.get(current.size() - 1));
            current = next;
        }
        return new PalettePath(current);
    }

    /**
     * {@code n} points evenly spaced along the path by distance: the first is the path's first point,
     * the last its last (for {@code n = 1}, the first point only).
     */
    public List<Point> sample(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("cannot sample " + n + " points");
        }
        double[] at = new double[points.size()];
        for (int i = 1; i < points.size(); i++) {
            at[i] = at[i - 1] + Math.hypot(points.get(i).u() - points.get(i - 1).u(),
                    points.get(i).v() - points.get(i - 1).v());
        }
        double length = at[at.length - 1];
        List<Point> samples = new ArrayList<>(n);
        int segment = 0;
        for (int k = 0; k < n; k++) {
            if (length == 0 || n == 1) {
                samples.add(k == n - 1 && n > 1 ? points.get(points.size() - 1) : points.get(0));
                continue;
            }
            if (k == n - 1) {
                samples.add(points.get(points.size() - 1));
                continue;
            }
            double d = length * k / (n - 1);
            while (segment + 1 < at.length - 1 && at[segment + 1] < d) {
                segment++;
            }
            double span = at[segment + 1] - at[segment];
            double t = span == 0 ? 0 : (d - at[segment]) / span;
            Point a = points.get(segment);
            Point b = points.get(segment + 1);
            samples.add(new Point(clamp(a.u() + t * (b.u() - a.u())), clamp(a.v() + t * (b.v() - a.v()))));
        }
        return samples;
    }

    /**
     * The corners' codes, top-left, top-right, bottom-left, bottom-right, as {@code encode} gives them
     * (the workbench's and the CLI's: refined codes, whose decode is the corner melody where the model
     * can give it back, with bar offsets for a hierarchical model).
     */
    public static List<LatentCode> cornerCodes(List<Melody> corners, Function<List<Melody>, List<LatentCode>> encode) {
        if (corners.size() != PaletteViewModel.CORNERS) {
            throw new IllegalArgumentException("a palette has 4 corners, not " + corners.size());
        }
        return encode.apply(corners);
    }

    /** The bilinear blend of the corner codes at each point ({@link LatentCode#bilinear}: z and bar offsets). */
    public static List<LatentCode> codesAt(List<LatentCode> cornerCodes, List<Point> at) {
        return at.stream().map(p -> LatentCode.bilinear(cornerCodes.get(0), cornerCodes.get(1), cornerCodes.get(2),
                cornerCodes.get(3), p.u(), p.v())).toList();
    }

    /**
     * {@code melody} made exactly {@code bars} bars long: its first bars when longer, repeated
     * (the last repeat cut) when shorter.
     */
    public static Melody fitToBars(Melody melody, int bars) {
        int target = bars * melody.grid().stepsPerBar();
        if (target == melody.lengthSteps()) {
            return melody;
        }
        return target < melody.lengthSteps() ? melody.slice(0, target) : ClipFit.repeated(melody, target);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Point p : points) {
            text.append(text.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f,%.3f", p.u(), p.v()));
        }
        return text.toString();
    }

    private static double clamp(double x) {
        return Math.max(0, Math.min(1, x));
    }
}
