package org.melodypalette.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenSequenceTest {

    @Test
    void equalIdsMakeEqualSequences() {
        assertThat(TokenSequence.of(41, 0, 1)).isEqualTo(TokenSequence.of(41, 0, 1))
                .hasSameHashCodeAs(TokenSequence.of(41, 0, 1))
                .isNotEqualTo(TokenSequence.of(41, 0, 0))
                .hasToString("TokenSequence[41, 0, 1]");
    }

    @Test
    void copiesInAndOut() {
        int[] ids = {41, 0, 1};
        TokenSequence sequence = TokenSequence.of(ids);
        ids[0] = 2;
        sequence.toArray()[1] = 5;

        assertThat(sequence.toArray()).containsExactly(41, 0, 1);
        assertThat(sequence.size()).isEqualTo(3);
        assertThat(sequence.get(0)).isEqualTo(41);
    }
}
