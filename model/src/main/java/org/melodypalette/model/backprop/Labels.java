package org.melodypalette.model.backprop;

/** The check both training passes make on a batch of class labels before any arithmetic. */
final class Labels {

    private Labels() {
    }

    /**
     * @param labels {@code [batch][steps]} class labels, each in {@code 0..classes-1}
     * @throws IllegalArgumentException naming the first sequence of the wrong length or label out of range
     */
    static void require(int[][] labels, int batch, int steps, int classes) {
        if (labels.length != batch) {
            throw new IllegalArgumentException("a batch of " + labels.length + " sequences, expected " + batch);
        }
        for (int b = 0; b < batch; b++) {
            if (labels[b].length != steps) {
                throw new IllegalArgumentException("sequence " + b + " has " + labels[b].length + " steps, expected "
                        + steps);
            }
            for (int label : labels[b]) {
                if (label < 0 || label >= classes) {
                    throw new IllegalArgumentException("sequence " + b + " has label " + label + ", outside 0.."
                            + (classes - 1));
                }
            }
        }
    }
}
