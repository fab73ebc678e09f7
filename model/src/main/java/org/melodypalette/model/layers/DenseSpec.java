package org.melodypalette.model.layers;

/** One dense layer {@code y = x·K + b}: variables {@code scope/kernel [in, out]} and {@code scope/bias [out]}. */
public record DenseSpec(String scope, int in, int out) {

    public DenseSpec {
        if (scope == null || in < 1 || out < 1) {
            throw new IllegalArgumentException("a dense layer " + scope + " " + in + " → " + out);
        }
    }

    public String kernel() {
        return MagentaVariables.kernel(scope);
    }

    public String bias() {
        return MagentaVariables.bias(scope);
    }

    public int[] kernelShape() {
        return new int[] {in, out};
    }

    public int[] biasShape() {
        return new int[] {out};
    }
}
