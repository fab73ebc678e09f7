package org.melodypalette.model.layers;

/** One bidirectional encoder layer: two LSTMs of the same size whose outputs are concatenated {@code [h_fw | h_bw]}. */
public record BidirectionalSpec(LstmSpec forward, LstmSpec backward) {

    public BidirectionalSpec {
        if (forward.hidden() != backward.hidden() || forward.inputSize() != backward.inputSize()) {
            throw new IllegalArgumentException(forward.scope() + " and " + backward.scope() + " differ in size");
        }
    }

    public int hidden() {
        return forward.hidden();
    }

    /** {@code 2·hidden}: both directions' h side by side. */
    public int outputSize() {
        return 2 * forward.hidden();
    }
}
