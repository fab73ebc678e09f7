package org.melodypalette.app.input;

/** Counts in words: {@code Plural.count(1, "note")} is "1 note", {@code count(3, "note")} "3 notes". */
public final class Plural {

    private Plural() {
    }

    /** {@code n} and the noun, with an "s" unless {@code n} is 1. */
    public static String count(int n, String singular) {
        return n + " " + (n == 1 ? singular : singular + "s");
    }
}
