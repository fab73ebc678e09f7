package org.melodypalette.model.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.melodypalette.model.config.TrainingConfig.SamplingSchedule;
import org.melodypalette.tokenizer.MelodyVocabulary;

/**
 * Named continuation-model presets (names start with {@value #PREFIX}). The two-core presets are
 * Magenta's basic_rnn melody model at 2×256 units, position-conditioned, on 4- or 8-bar windows;
 * {@code continue_tiny} is for unit tests.
 */
public final class ContinuationPresets {

    public static final String PREFIX = "continue_";

    /** Adam at 1e-3 decaying to 1e-5, batch 64, clip 3 (Magenta melody_rnn), ±5 semitones of transposition. */
    private static final TrainingConfig TRAINING = new TrainingConfig(64, 1e-3, 1e-5, 0.9999, 0, 0, 0, 3.0,
            SamplingSchedule.NONE, 0, 5);

    private static final ContinuationConfig FOUR_BAR = new ContinuationConfig("continue_4bar_cpu", List.of(256, 256),
            4 * ModelPresets.BAR, ModelPresets.BAR, true, MelodyVocabulary.MAGENTA.minPitch(),
            MelodyVocabulary.MAGENTA.maxPitch(), TRAINING);

    private static final Map<String, ContinuationConfig> PRESETS = build();

    private ContinuationPresets() {
    }

    private static Map<String, ContinuationConfig> build() {
        Map<String, ContinuationConfig> presets = new LinkedHashMap<>();
        put(presets, FOUR_BAR);
        put(presets, FOUR_BAR.withName("continue_8bar_cpu").withSteps(8 * ModelPresets.BAR, ModelPresets.BAR));
        put(presets, FOUR_BAR.withName("continue_tiny").withLayers(List.of(8, 8))
                .withSteps(2 * ModelPresets.BAR, ModelPresets.BAR)
                .withTraining(TRAINING.withBatchSize(4).withTranspose(0)));
        return Map.copyOf(presets);
    }

    private static void put(Map<String, ContinuationConfig> presets, ContinuationConfig config) {
        presets.put(config.name(), config);
    }

    /** Whether {@code name} names a continuation preset (rather than a MusicVAE one). */
    public static boolean isContinuation(String name) {
        return name != null && name.startsWith(PREFIX);
    }

    /** The preset of that name; the error lists the valid names. */
    public static ContinuationConfig byName(String name) {
        ContinuationConfig config = PRESETS.get(name);
        if (config == null) {
            throw new IllegalArgumentException("unknown continuation preset '" + name + "'; presets: "
                    + String.join(", ", names()));
        }
        return config;
    }

    public static Set<String> names() {
        return new TreeSet<>(PRESETS.keySet());
    }
}
