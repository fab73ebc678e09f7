package org.melodypalette.app.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.LatentCode;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.LatentVector;
import org.melodypalette.model.api.RefineOptions;
import org.melodypalette.model.checkpoint.CheckpointFolder;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.model.net.MusicVaeVariables;
import org.melodypalette.music.Melody;

/**
 * Tiny random-weight checkpoints of 2 bars of sixteenths (the grid MIDI files are read on), and melodies
 * such a model decodes from codes with bar offsets that its per-bar refinement gives back.
 */
public final class TinyModels {

    /** Offsets of this size (per value) made the most melodies that refinement gives back. */
    private static final double OFFSET_SCALE = 4;
    private static final int CANDIDATES = 400;

    private TinyModels() {
    }

    /** Writes a tiny hierarchical (conductor + bar decoder, 2 bars) or flat model into {@code dir}. */
    public static Path write(Path dir, boolean hierarchical, long seed) throws IOException {
        ModelConfig config = ModelPresets.byName(hierarchical ? "tiny-test-hier" : "tiny-test").withSteps(32, 16);
        CheckpointFolder.write(dir, config, MusicVaeVariables.initialize(config, seed));
        return dir;
    }

    /**
     * {@code n} different melodies that the per-bar refinement ({@link RefineOptions#BARS}, no time limit)
     * gives back exactly, each the argmax decode of a random z with random offsets on its bar embeddings and
     * each starting with a note (so that reading it back from MIDI starts on its first bar). On a random-weight
     * model only some such melodies can be refined back; these are the ones.
     */
    public static List<Melody> refinableMelodies(LatentCodec codec, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        RefineOptions options = RefineOptions.BARS.withBudgetMillis(0);
        List<Melody> melodies = new ArrayList<>();
        int bars = codec.info().bars();
        for (int tries = 0; melodies.size() < n && tries < CANDIDATES; tries++) {
            List<LatentVector> offsets = new ArrayList<>();
            for (int s = 0; s < bars; s++) {
                offsets.add(gaussian(random, barEmbeddingSize(), OFFSET_SCALE));
            }
            LatentCode code = new LatentCode(gaussian(random, codec.info().zSize(), 1), offsets);
            int[] labels = codec.decodeCodes(List.of(code), DecodeOptions.ARGMAX)[0];
            Melody melody = codec.melody(labels);
            if (labels[0] >= 2 && !melodies.contains(melody) && codec.encode(List.of(melody), options).get(0).exact()) {
                melodies.add(melody);
            }
        }
        if (melodies.size() < n) {
            throw new IllegalStateException("fewer than " + n + " of " + CANDIDATES + " melodies came back exactly");
        }
        return melodies;
    }

    /** The bar embedding size of the tiny hierarchical preset (its conductor's output). */
    private static int barEmbeddingSize() {
        return ModelPresets.byName("tiny-test-hier").conductorSizes().get(0);
    }

    private static LatentVector gaussian(SplittableRandom random, int size, double scale) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        return new LatentVector(values);
    }
}
