package org.melodypalette.model.infer;

/**
 * Index maps from the kernels' padded layouts to the checkpoint's tensors (−1 = padding).
 *
 * <p>Every hidden state of {@code H} units is stored as {@code Hp = roundUp(H, lanes)} floats, the
 * padding always 0, so that the kernels work on whole vectors. An LSTM's {@code 4·Hp} gate
 * columns are ordered by unit block: block {@code q} holds i, j, f, o of units
 * {@code [q·lanes, (q+1)·lanes)} next to each other, so a kernel that computes one column group
 * (4 vectors) has all four gates of those units in registers and can update the cell at once.
 */
final class Layouts {

    private Layouts() {
    }

    static int roundUp(int n, int multiple) {
        return (n + multiple - 1) / multiple * multiple;
    }

    /** Gate columns of an LSTM with {@code hidden} units; TF's kernel columns are [i | j | f | o]. */
    static int[] lstmColumns(int hidden, int lanes) {
        int padded = roundUp(hidden, lanes);
        int[] map = new int[4 * padded];
        int n = 0;
        for (int block = 0; block < padded / lanes; block++) {
            for (int gate = 0; gate < 4; gate++) {
                for (int lane = 0; lane < lanes; lane++) {
                    int unit = block * lanes + lane;
                    map[n++] = unit < hidden ? gate * hidden + unit : -1;
                }
            }
        }
        return map;
    }

    /**
     * Consecutive segments of the given sizes, each padded to a whole number of {@code lanes}, the
     * whole padded to a multiple of {@code totalMultiple}; entries count from {@code firstIndex}.
     */
    static int[] segments(int firstIndex, int lanes, int totalMultiple, int... sizes) {
        int length = 0;
        for (int size : sizes) {
            length += roundUp(size, lanes);
        }
        int[] map = new int[roundUp(length, totalMultiple)];
        java.util.Arrays.fill(map, -1);
        int n = 0;
        int source = firstIndex;
        for (int size : sizes) {
            for (int i = 0; i < size; i++) {
                map[n + i] = source + i;
            }
            n += roundUp(size, lanes);
            source += size;
        }
        return map;
    }

    /** {@code 0 .. n-1} unpadded (a latent vector read as it is). */
    static int[] identity(int firstIndex, int n) {
        int[] map = new int[n];
        for (int i = 0; i < n; i++) {
            map[i] = firstIndex + i;
        }
        return map;
    }
}
