package org.melodypalette.model.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Codes with bar offsets: validated, laid out bar after bar, and interpolated z by slerp and bars linearly. */
class LatentCodeTest {

    private static final LatentVector ZA = new LatentVector(new float[] {1, 0, 0});
    private static final LatentVector ZB = new LatentVector(new float[] {0, 2, 0});
    private static final LatentCode A = new LatentCode(ZA,
            List.of(new LatentVector(new float[] {1, 2}), new LatentVector(new float[] {3, 4})));
    private static final LatentCode B = new LatentCode(ZB,
            List.of(new LatentVector(new float[] {-1, 0}), new LatentVector(new float[] {5, 8})));

    @Test
    void offsetsAreLaidOutBarAfterBar() {
        assertThat(A.barOffsetArray()).containsExactly(1, 2, 3, 4);
        assertThat(LatentCode.of(ZA).barOffsetArray()).isNull();
        assertThat(LatentCode.of(ZA).hasBarOffsets()).isFalse();
    }

    @Test
    void betweenMovesZBySlerpAndTheBarsLinearly() {
        LatentCode half = LatentCode.between(A, B, 0.5, Interpolation.SLERP);

        assertThat(half.z()).isEqualTo(LatentMath.slerp(ZA, ZB, 0.5));
        assertThat(half.barOffsetArray()).containsExactly(0, 1, 4, 6);
        assertThat(LatentCode.between(A, B, 0, Interpolation.SLERP).barOffsetArray()).containsExactly(1, 2, 3, 4);
        assertThat(LatentCode.between(A, B, 1, Interpolation.LERP).barOffsetArray()).containsExactly(-1, 0, 5, 8);
    }

    @Test
    void aCodeWithoutOffsetsCountsAsZeroOffsets() {
        LatentCode half = LatentCode.between(A, LatentCode.of(ZB), 0.5, Interpolation.LERP);

        assertThat(half.barOffsetArray()).containsExactly(0.5f, 1, 1.5f, 2);
        assertThat(LatentCode.between(LatentCode.of(ZA), LatentCode.of(ZB), 0.5, Interpolation.LERP)
                .hasBarOffsets()).isFalse();
    }

    @Test
    void morphPathPointsEndOnTheCodesThemselves() {
        List<LatentCode> points = MorphPath.uniform(5).points(A, B, Interpolation.SLERP);

        assertThat(points).hasSize(5);
        assertThat(points.get(0)).isSameAs(A);
        assertThat(points.get(4)).isSameAs(B);
        assertThat(points.get(2)).isEqualTo(LatentCode.between(A, B, 0.5, Interpolation.SLERP));
    }

    @Test
    void refusesBarsOfDifferentSizes() {
        assertThatThrownBy(() -> new LatentCode(ZA,
                List.of(new LatentVector(new float[] {1, 2}), new LatentVector(new float[] {3}))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sizes 2 and 1");
        LatentCode threeBars = new LatentCode(ZB, List.of(new LatentVector(new float[] {1, 2}),
                new LatentVector(new float[] {1, 2}), new LatentVector(new float[] {1, 2})));
        assertThatThrownBy(() -> LatentCode.between(A, threeBars, 0.5, Interpolation.LERP))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be interpolated");
    }
}
