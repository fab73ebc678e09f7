package org.melodypalette.model.backprop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.melodypalette.model.config.ComputeOptions;

/** {@link VectorArithmetic} against the plain-Java reference, on shapes chosen to hit every tail. */
class VectorArithmeticTest {

    private final Arithmetic vector = new VectorArithmetic();
    private final Arithmetic scalar = new ScalarArithmetic();

    @Test
    void isTheBestWhereTheModuleIsPresent() {
        // Surefire runs with --add-modules jdk.incubator.vector (model/pom.xml).
        assertThat(Arithmetic.create(ComputeOptions.Kernel.AUTO)).isInstanceOf(VectorArithmetic.class);
    }

    @Test
    void gemmMatchesScalarOnRandomShapes() {
        SplittableRandom random = new SplittableRandom(42);
        for (int t = 0; t < 400; t++) {
            int m = 1 + random.nextInt(t % 4 == 0 ? 3 : 40);
            int n = 1 + random.nextInt(t % 5 == 0 ? 3 : 100);
            // Depths past 128 cross the packed blocks; p = 0 is an empty sum.
            int p = t % 7 == 0 ? random.nextInt(2) : 1 + random.nextInt(t % 3 == 0 ? 300 : 40);
            check(random, m, n, p, random.nextBoolean(), random.nextBoolean(), true);
        }
    }

    /** The training step's own shapes, smaller in the dimensions that only repeat work. */
    @Test
    void gemmMatchesScalarOnTrainingShapes() {
        SplittableRandom random = new SplittableRandom(7);
        check(random, 64, 1024, 256, false, false, false);
        check(random, 37, 1024, 128, false, true, false);
        check(random, 64, 256, 1024, false, true, false);
        check(random, 256, 1024, 300, true, true, false);
        check(random, 130, 90, 256, false, false, false);
        check(random, 130, 256, 90, false, true, false);
        check(random, 256, 90, 515, true, true, false);
        check(random, 6, 32, 8, false, false, false);
        check(random, 130, 1024, 200, true, true, false);
        check(random, 9, 70, 300, true, false, true);
    }

    /** The vector arithmetic's own σ and tanh under {@link Arithmetic}'s loops for the LSTM cell. */
    private final Arithmetic unfused = new Arithmetic() {
        @Override
        public void gemm(int m, int n, int p, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int ldb,
                         float[] c, int cOff, int ldc, boolean accumulate) {
            vector.gemm(m, n, p, a, aOff, aRow, aCol, b, bOff, ldb, c, cOff, ldc, accumulate);
        }

        @Override
        public void sigmoid(float[] a, int from, int to) {
            vector.sigmoid(a, from, to);
        }

        @Override
        public void tanh(float[] a, int from, int to) {
            vector.tanh(a, from, to);
        }
    };

    /**
     * The fused LSTM cell, forward and backward, gives the loops' floats bit for bit (at widths of whole
     * vectors and not), and the scalar arithmetic's within its activations' rounding.
     */
    @Test
    void lstmCellMatchesTheLoops() {
        SplittableRandom random = new SplittableRandom(11);
        for (int hidden : new int[] {8, 16, 48, 256}) {
            int rows = 5;
            int go = 3;
            int prev = 2;
            int next = prev + rows * hidden;
            int tc = 1;
            float[] gates = randoms(random, go + rows * 4 * hidden);
            for (int k = 0; k < gates.length; k++) {
                gates[k] *= 6;
            }
            float[] c = randoms(random, next + rows * hidden);
            float[] dh = randoms(random, rows * hidden);
            float[] dc = randoms(random, rows * hidden);
            float[][] expected = cell(unfused, rows, hidden, gates, go, c, prev, next, tc, dh, dc);
            float[][] actual = cell(vector, rows, hidden, gates, go, c, prev, next, tc, dh, dc);
            float[][] reference = cell(scalar, rows, hidden, gates, go, c, prev, next, tc, dh, dc);
            for (int k = 0; k < expected.length; k++) {
                assertThat(actual[k]).as("array %d at hidden %d", k, hidden).isEqualTo(expected[k]);
                for (int e = 0; e < expected[k].length; e++) {
                    assertThat((double) actual[k][e]).as("array %d [%d] at hidden %d", k, e, hidden)
                            .isCloseTo(reference[k][e], offset(1e-5 * (1 + Math.abs(reference[k][e]))));
                }
            }
        }
    }

    @Test
    void addMatchesTheLoopOnOddLengths() {
        SplittableRandom random = new SplittableRandom(5);
        for (int n : new int[] {0, 1, 15, 16, 17, 100}) {
            float[] x = randoms(random, n + 3);
            float[] y = randoms(random, n + 5);
            float[] expected = y.clone();
            scalar.add(x, 3, expected, 2, n);
            float[] actual = y.clone();
            vector.add(x, 3, actual, 2, n);
            assertThat(actual).as("n = %d", n).isEqualTo(expected);
        }
    }

    /** Forward and backward of the cell on copies: gates, c, tanh c, h, then gate gradients and dc. */
    private static float[][] cell(Arithmetic math, int rows, int hidden, float[] gates0, int go, float[] c0, int prev,
                                  int next, int tc, float[] dh, float[] dc0) {
        float[] gates = gates0.clone();
        float[] c = c0.clone();
        float[] tanhC = new float[tc + rows * hidden];
        float[] h = new float[next + rows * hidden];
        math.lstmCell(rows, hidden, gates, go, c, prev, next, tanhC, tc, h);
        float[] gateGrads = new float[gates.length];
        float[] dc = dc0.clone();
        math.lstmCellBackward(rows, hidden, gates, go, c, prev, tanhC, tc, dh, dc, gateGrads);
        return new float[][] {gates, c, tanhC, h, gateGrads, dc};
    }

    @Test
    void activationsMatchMathOnOddRanges() {
        SplittableRandom random = new SplittableRandom(3);
        float[] x = new float[2003];
        for (int k = 0; k < x.length; k++) {
            x[k] = k % 2 == 0 ? -20f + 40f * k / (x.length - 1) : (float) random.nextDouble(-20, 20);
        }
        int[][] ranges = {{0, x.length}, {1, x.length - 1}, {3, 4}, {5, 5}, {7, 22}, {16, 48}, {17, 1990}};
        for (int[] range : ranges) {
            float[] t = x.clone();
            vector.tanh(t, range[0], range[1]);
            float[] s = x.clone();
            vector.sigmoid(s, range[0], range[1]);
            for (int k = 0; k < x.length; k++) {
                boolean inside = k >= range[0] && k < range[1];
                double tanh = inside ? Math.tanh(x[k]) : x[k];
                double sigmoid = inside ? 1 / (1 + Math.exp(-x[k])) : x[k];
                assertThat((double) t[k]).as("tanh at %d of %s", k, Arrays.toString(range))
                        .isCloseTo(tanh, offset(1e-6));
                assertThat((double) s[k]).as("σ at %d of %s", k, Arrays.toString(range))
                        .isCloseTo(sigmoid, offset(1e-6));
            }
        }
    }

    /**
     * One random product in both implementations (and each with B {@link Arithmetic#pack packed}, which must
     * give the same floats) on the same arrays, with offsets and leading
     * dimensions larger than the matrices ({@code padded}). C starts as NaN where it must be
     * overwritten, so a skipped element shows, and the whole array is compared, so a write out of
     * bounds shows. Allowed error: 1e-5 of {@code Σ|A|·|B| + |C|}, the scale float rounding works on.
     */
    private void check(SplittableRandom random, int m, int n, int p, boolean transposed, boolean accumulate,
                       boolean padded) {
        int aOff = padded ? random.nextInt(5) : 0;
        int bOff = padded ? random.nextInt(5) : 0;
        int cOff = padded ? random.nextInt(5) : 0;
        int lda = (transposed ? m : p) + (padded ? random.nextInt(3) : 0);
        int ldb = n + (padded ? random.nextInt(20) : 0);
        int ldc = n + (padded ? random.nextInt(20) : 0);
        int aRow = transposed ? 1 : lda;
        int aCol = transposed ? lda : 1;
        float[] a = randoms(random, aOff + (transposed ? p : m) * lda);
        float[] b = randoms(random, bOff + p * ldb);
        float[] c = randoms(random, cOff + m * ldc);
        if (!accumulate) {
            for (int i = 0; i < m; i++) {
                Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, Float.NaN);
            }
        }
        float[] expected = c.clone();
        scalar.gemm(m, n, p, a, aOff, aRow, aCol, b, bOff, ldb, expected, cOff, ldc, accumulate);
        float[] actual = c.clone();
        vector.gemm(m, n, p, a, aOff, aRow, aCol, b, bOff, ldb, actual, cOff, ldc, accumulate);
        float[] packed = c.clone();
        vector.gemm(m, a, aOff, aRow, aCol, vector.pack(b, bOff, ldb, p, n), packed, cOff, ldc, accumulate);
        assertThat(packed).as("packed B, bit for bit").isEqualTo(actual);
        if (p > 0) {
            int extra = random.nextInt(3);
            float[] columns = new float[(extra + n) * p];
            for (int j = 0; j < n; j++) {
                for (int q = 0; q < p; q++) {
                    columns[(extra + j) * p + q] = b[bOff + q * ldb + j];
                }
            }
            float[] fromColumns = c.clone();
            vector.gemm(m, a, aOff, aRow, aCol, vector.packTransposed(columns, p, extra, extra + n), fromColumns, cOff,
                    ldc, accumulate);
            assertThat(fromColumns).as("B packed from its transpose, bit for bit").isEqualTo(actual);
            float[] scalarTransposed = c.clone();
            scalar.gemm(m, a, aOff, aRow, aCol, scalar.packTransposed(columns, p, extra, extra + n), scalarTransposed,
                    cOff, ldc, accumulate);
            assertThat(scalarTransposed).as("scalar, B from its transpose").isEqualTo(expected);
        }
        float[] scalarPacked = c.clone();
        scalar.gemm(m, a, aOff, aRow, aCol, scalar.pack(b, bOff, ldb, p, n), scalarPacked, cOff, ldc, accumulate);
        assertThat(scalarPacked).as("scalar, packed B").isEqualTo(expected);
        float[] scale = abs(c);
        scalar.gemm(m, n, p, abs(a), aOff, aRow, aCol, abs(b), bOff, ldb, scale, cOff, ldc, accumulate);
        String shape = String.format("m=%d n=%d p=%d transposed=%b accumulate=%b aOff=%d lda=%d bOff=%d ldb=%d "
                + "cOff=%d ldc=%d", m, n, p, transposed, accumulate, aOff, lda, bOff, ldb, cOff, ldc);
        for (int k = 0; k < c.length; k++) {
            assertThat((double) actual[k]).as("C[%d] of %s", k, shape)
                    .isCloseTo(expected[k], offset(1e-5 * scale[k]));
        }
    }

    private static float[] randoms(SplittableRandom random, int length) {
        float[] x = new float[length];
        for (int k = 0; k < length; k++) {
            x[k] = (float) random.nextDouble(-1, 1);
        }
        return x;
    }

    private static float[] abs(float[] x) {
        float[] y = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            y[k] = Math.abs(x[k]);
        }
        return y;
    }
}
