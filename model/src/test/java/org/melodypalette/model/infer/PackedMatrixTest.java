package org.melodypalette.model.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PackedMatrixTest {

    @Test
    void everyEntryIsTheMappedWeightOrZeroForPadding() {
        int wRows = 7;
        int wCols = 13;
        float[] w = new float[wRows * wCols];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextDouble(-1, 1);
        }
        // rows reordered and padded; columns: a run crossing a group boundary, a permutation, padding
        int[] rowMap = {2, 0, -1, 6, 5, 1, -1, 3};
        int[] colMap = {4, 5, 6, 7, 8, 9, 0, 12, -1, 3, 2, 1};
        int group = 4;

        PackedMatrix packed = PackedMatrix.pack(w, wCols, rowMap, colMap, group);

        assertThat(packed.groups()).isEqualTo(3);
        for (int g = 0; g < packed.groups(); g++) {
            for (int k = 0; k < rowMap.length; k++) {
                for (int j = 0; j < group; j++) {
                    int col = colMap[g * group + j];
                    float expected = rowMap[k] < 0 || col < 0 ? 0f : w[rowMap[k] * wCols + col];
                    assertThat(packed.data[(g * rowMap.length + k) * group + j])
                            .as("group %d row %d column %d", g, k, j).isEqualTo(expected);
                }
            }
        }
    }
}
