package org.melodypalette.model.layers;

/**
 * One LSTM layer of the model (TF {@code BasicLSTMCell}, see {@code model.cpu.BasicLstmCell}):
 * variables {@code scope/kernel [inputSize + hidden, 4·hidden]} and {@code scope/bias [4·hidden]}.
 */
public record LstmSpec(String scope, int inputSize, int hidden) {

    public LstmSpec {
        if (scope == null || inputSize < 1 || hidden < 1) {
            throw new IllegalArgumentException("an LSTM " + scope + " of " + inputSize + " inputs and " + hidden
                    + " units");
        }
    }

    public String kernel() {
        return MagentaVariables.kernel(scope);
    }

    public String bias() {
        return MagentaVariables.bias(scope);
    }

    /** {@code 4·hidden}: the gate columns i, j, f, o. */
    public int gates() {
        return 4 * hidden;
    }

    public int[] kernelShape() {
        return new int[] {inputSize + hidden, gates()};
    }

    public int[] biasShape() {
        return new int[] {gates()};
    }
}
