package org.melodypalette.model.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiatonicKeyTest {

    private static final DiatonicKey C = new DiatonicKey(0);

    @Test
    void cMajorHoldsTheWhiteKeysInEveryOctave() {
        assertThat(List.of(60, 62, 64, 65, 67, 69, 71, 21, 108)).allMatch(C::contains);
        assertThat(List.of(61, 63, 66, 68, 70, 22)).noneMatch(C::contains);
    }

    @Test
    void degreesCountFromTheMajorTonic() {
        DiatonicKey d = new DiatonicKey(2);
        assertThat(d.degreeOf(62)).isZero();
        assertThat(d.degreeOf(59)).isEqualTo(9);
        assertThat(d.degreeOf(61)).isEqualTo(11);
        assertThat(d.contains(66)).isTrue();
        assertThat(d.contains(65)).isFalse();
    }

    @Test
    void bestFitHoldsTheMostNotes() {
        // G major scale with its F#: only G major (E minor) holds all seven
        assertThat(DiatonicKey.bestFit(new int[] {67, 69, 71, 72, 74, 76, 78}).tonic()).isEqualTo(7);
        // Eb F G Ab Bb and an E natural: Eb and Ab major hold five each (Eb is lower), Bb and F major four
        int[] mostlyEb = {63, 65, 67, 68, 70, 64};
        assertThat(DiatonicKey.bestFit(mostlyEb).tonic()).isEqualTo(3);
        assertThat(new DiatonicKey(3).countIn(mostlyEb)).isEqualTo(5);
        assertThat(new DiatonicKey(8).countIn(mostlyEb)).isEqualTo(5);
        assertThat(new DiatonicKey(10).countIn(mostlyEb)).isEqualTo(4);
    }

    @Test
    void tiesGoToTheLowestTonic() {
        // C D E G fits C, F and G major equally
        assertThat(DiatonicKey.bestFit(new int[] {60, 62, 64, 67}).tonic()).isZero();
        // F# B C# fits D, A, E and B major: D is the lowest
        assertThat(DiatonicKey.bestFit(new int[] {66, 71, 73}).tonic()).isEqualTo(2);
        assertThat(DiatonicKey.bestFit(new int[0]).tonic()).isZero();
    }

    @Test
    void aTonicOutsideAnOctaveIsRefused() {
        assertThatThrownBy(() -> new DiatonicKey(12)).hasMessageContaining("tonic pitch class 12");
    }
}
