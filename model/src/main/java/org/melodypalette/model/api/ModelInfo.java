package org.melodypalette.model.api;

import java.util.List;

/**
 * What a loaded model is, for display and for shaping inputs: its name, where it came from,
 * sequence length, bars, latent size, pitch range and the attribute vectors it ships.
 */
public record ModelInfo(String name, String source, int numSteps, int stepsPerBar, int zSize,
                        int minPitch, int maxPitch, List<String> attributes) {

    public ModelInfo {
        attributes = List.copyOf(attributes);
    }

    public int bars() {
        return numSteps / stepsPerBar;
    }
}
