package org.melodypalette.tokenizer;

import java.util.Arrays;

/**
 * An immutable sequence of token ids with value equality, for records and maps that hold tokens
 * (a record holding an {@code int[]} would compare by reference). The {@link Tokenizer} interface
 * itself speaks {@code int[]}.
 */
public final class TokenSequence {

    private final int[] ids;

    private TokenSequence(int[] ids) {
        this.ids = ids;
    }

    /** A sequence holding a copy of {@code ids}. */
    public static TokenSequence of(int... ids) {
        return new TokenSequence(ids.clone());
    }

    /** A copy of the ids. */
    public int[] toArray() {
        return ids.clone();
    }

    public int size() {
        return ids.length;
    }

    public int get(int index) {
        return ids[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenSequence that && Arrays.equals(ids, that.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "TokenSequence" + Arrays.toString(ids);
    }
}
