package org.melodypalette.model.backprop;

/** Placeholder until the vector arithmetic lands: the plain-Java one. */
final class Arithmetics {

    private Arithmetics() {
    }

    static Arithmetic best() {
        return new ScalarArithmetic();
    }
}
