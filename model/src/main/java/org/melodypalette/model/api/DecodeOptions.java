package org.melodypalette.model.api;

/**
 * How to turn logits into labels: temperature 0 is argmax (first index wins ties, as magenta.js);
 * otherwise sample from softmax(logits / temperature), restricted to the smallest set of classes
 * whose probability reaches {@code topP} (1.0 = no restriction). The seed makes sampling
 * deterministic.
 */
public record DecodeOptions(double temperature, double topP, long seed) {

    public static final DecodeOptions ARGMAX = new DecodeOptions(0.0, 1.0, 0L);

    /**
     * The temperature prior samples start at, in the CLI and the workbench: 1.0, the model's own
     * distribution. At magenta.js's 0.5 our models' samples hold notes too long: the 16-bar model
     * left half of all bars without a note-on (the data: 2%), the 2-bar one was sparser than the
     * data (docs/measurements/sampling-temperature.txt).
     */
    public static final double DEFAULT_SAMPLING_TEMPERATURE = 1.0;

    public DecodeOptions {
        if (!(temperature >= 0.0 && temperature <= 10.0)) {
            throw new IllegalArgumentException("temperature " + temperature + " is outside 0..10");
        }
        if (!(topP > 0.0 && topP <= 1.0)) {
            throw new IllegalArgumentException("topP " + topP + " is outside (0, 1]");
        }
    }

    public static DecodeOptions sampling(double temperature, long seed) {
        return new DecodeOptions(temperature, 1.0, seed);
    }

    public boolean isArgmax() {
        return temperature == 0.0;
    }
}
