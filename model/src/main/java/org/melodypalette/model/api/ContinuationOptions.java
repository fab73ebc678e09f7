package org.melodypalette.model.api;

import java.util.Set;
import java.util.TreeSet;

/**
 * How a continuation is sampled.
 *
 * @param candidates          continuations drawn at once (K), each from its own stream of {@code seed}
 * @param temperature         0 = argmax at every step; otherwise draws from {@code softmax(logits / T)}
 * @param topP                nucleus mass in (0, 1]: draws only among the most likely classes reaching it
 * @param seed                the random seed; candidate k's draws depend only on (seed, k)
 * @param allowedPitchClasses pitch classes (0 = C … 11 = B) a new note may have; empty = every pitch (the key
 *                            chooser's snap-to-scale passes its scale here)
 */
public record ContinuationOptions(int candidates, double temperature, double topP, long seed,
                                  Set<Integer> allowedPitchClasses) {

    /**
     * Slightly above 1: at 1 the bundled model's continuations are sparser than the music that really
     * follows (checkpoints/continue_4bar/MODEL_CARD.md); at 1.1 their note density matches it.
     */
    public static final double DEFAULT_TEMPERATURE = 1.1;
    /**
     * No nucleus cut by default: at 0.95 the bundled model's continuations span a narrower pitch range
     * than the music that really follows (docs/measurements/continuation/realism-temperature.txt).
     */
    public static final double DEFAULT_TOP_P = 1.0;

    public ContinuationOptions {
        if (candidates < 1 || candidates > 1000) {
            throw new IllegalArgumentException("candidates must be in 1..1000, got " + candidates);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a finite number ≥ 0, got " + temperature);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("top-p must be in (0, 1], got " + topP);
        }
        allowedPitchClasses = allowedPitchClasses == null ? Set.of() : Set.copyOf(new TreeSet<>(allowedPitchClasses));
        for (int pc : allowedPitchClasses) {
            if (pc < 0 || pc > 11) {
                throw new IllegalArgumentException("pitch class " + pc + " is outside 0..11");
            }
        }
    }

    /** K candidates, no key constraint. */
    public static ContinuationOptions of(int candidates, double temperature, double topP, long seed) {
        return new ContinuationOptions(candidates, temperature, topP, seed, Set.of());
    }

    public ContinuationOptions withAllowedPitchClasses(Set<Integer> pitchClasses) {
        return new ContinuationOptions(candidates, temperature, topP, seed, pitchClasses);
    }
}
