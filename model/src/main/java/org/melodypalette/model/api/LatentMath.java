package org.melodypalette.model.api;

import java.util.List;

/** Pure latent-space arithmetic used by interpolation, the palette and attribute sliders. */
public final class LatentMath {

    private LatentMath() {
    }

    /** The point at {@code t} (0 = a, 1 = b) on the path chosen by {@code mode}. */
    public static LatentVector between(LatentVector a, LatentVector b, double t, Interpolation mode) {
        return mode == Interpolation.SLERP ? slerp(a, b, t) : lerp(a, b, t);
    }

    /**
     * {@code n ≥ 2} points from a to b at {@code t = i/(n−1)}, by {@link #between}: the one path
     * computation of interpolation strips, the slider (position {@code i/(n−1)} is point i) and
     * evaluation ({@link MorphPath#uniform}). The ends are a and b exactly.
     */
    public static List<LatentVector> path(LatentVector a, LatentVector b, int n, Interpolation mode) {
        return MorphPath.uniform(n).points(a, b, mode);
    }

    public static LatentVector lerp(LatentVector a, LatentVector b, double t) {
        requireSameSize(a, b);
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (a.get(i) + t * (b.get(i) - a.get(i)));
        }
        return new LatentVector(out);
    }

    /**
     * magenta.js's interpolation weights for {@code n ≥ 2} points, bit for bit: tfjs {@code linspace(0, 1, n)}
     * is a float32 running sum {@code r[0] = 0, r[i] = f32(r[i−1] + 1/(n−1))} with the step in
     * double, so {@code r[n−1]} may differ from 1 by rounding (docs/ARCHITECTURE.md §9).
     */
    public static float[] linspace(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("an interpolation needs at least 2 points, not " + n);
        }
        double step = 1.0 / (n - 1);
        float[] r = new float[n];
        for (int i = 1; i < n; i++) {
            r[i] = (float) (r[i - 1] + step);
        }
        return r;
    }

    /**
     * magenta.js's interpolation in float32: {@code t·(b − a) + a}, each operation rounded to float
     * as tfjs does (differs from {@link #lerp} in the last bits).
     */
    public static LatentVector lerpFloat32(LatentVector a, LatentVector b, float t) {
        requireSameSize(a, b);
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = t * (b.get(i) - a.get(i)) + a.get(i);
        }
        return new LatentVector(out);
    }

    /**
     * Spherical interpolation (as Magenta's {@code slerp}): follows the great circle between the
     * directions of a and b; falls back to lerp when they are (anti)parallel.
     */
    public static LatentVector slerp(LatentVector a, LatentVector b, double t) {
        requireSameSize(a, b);
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.size(); i++) {
            dot += (double) a.get(i) * b.get(i);
            na += (double) a.get(i) * a.get(i);
            nb += (double) b.get(i) * b.get(i);
        }
        double cos = dot / Math.sqrt(na * nb);
        if (!(Math.abs(cos) < 0.9995)) {
            return lerp(a, b, t);
        }
        double omega = Math.acos(cos);
        double sin = Math.sin(omega);
        double wa = Math.sin((1 - t) * omega) / sin;
        double wb = Math.sin(t * omega) / sin;
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (wa * a.get(i) + wb * b.get(i));
        }
        return new LatentVector(out);
    }

    /**
     * Bilinear blend of four corners (Beat Blender's palette): {@code (u, v)} in [0, 1]², with
     * corners a = (0,0), b = (1,0), c = (0,1), d = (1,1).
     */
    public static LatentVector bilinear(LatentVector a, LatentVector b, LatentVector c, LatentVector d,
                                        double u, double v) {
        return lerp(lerp(a, b, u), lerp(c, d, u), v);
    }

    /** {@code z + strength · direction}. */
    public static LatentVector add(LatentVector z, LatentVector direction, double strength) {
        requireSameSize(z, direction);
        float[] out = new float[z.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (z.get(i) + strength * direction.get(i));
        }
        return new LatentVector(out);
    }

    private static void requireSameSize(LatentVector a, LatentVector b) {
        if (a.size() != b.size()) {
            throw new IllegalArgumentException("latent sizes differ: " + a.size() + " vs " + b.size());
        }
    }
}
