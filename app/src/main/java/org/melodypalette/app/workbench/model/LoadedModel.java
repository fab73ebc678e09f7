package org.melodypalette.app.workbench.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.LatentVector;
import org.melodypalette.model.api.MelodyGenerator;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.model.api.RefineOptions;
import org.melodypalette.music.Melody;

/**
 * One opened model and the latent codes already computed with it. Used only on the model worker
 * thread (through {@link ModelSession#call}); the cache belongs to this model, so swapping models
 * can never mix codes from two latent spaces.
 */
public final class LoadedModel {

    private final MelodyGenerator generator;
    private final Path checkpoint;
    private final ModelInfo info;
    private final ModelDescription description;
    private final Map<Melody, LatentVector> latents = new ConcurrentHashMap<>();

    LoadedModel(MelodyGenerator generator, Path checkpoint) {
        this.generator = generator;
        this.checkpoint = checkpoint;
        this.info = generator.info();
        this.description = ModelDescription.of(info, checkpoint);
    }

    public MelodyGenerator generator() {
        return generator;
    }

    public ModelInfo info() {
        return info;
    }

    /** What the model writes and what it was trained on, for people. */
    public ModelDescription description() {
        return description;
    }

    public Path checkpoint() {
        return checkpoint;
    }

    /**
     * The codes of {@code melodies}, encoding only those not seen before (in one batch): refined
     * ({@link RefineOptions#INTERACTIVE}) when the model offers refinement, so that decoding a melody's
     * code gives the melody back where the model can; otherwise the latent means. Runs on the model
     * worker, like every use of this class.
     */
    public List<LatentVector> encode(List<Melody> melodies) {
        List<Melody> missing = new ArrayList<>();
        for (Melody m : melodies) {
            if (!latents.containsKey(m) && !missing.contains(m)) {
                missing.add(m);
            }
        }
        if (!missing.isEmpty()) {
            List<LatentVector> fresh = generator instanceof LatentCodec codec
                    ? codec.encode(missing, RefineOptions.INTERACTIVE).stream().map(Encoding::z).toList()
                    : generator.encode(missing);
            for (int i = 0; i < missing.size(); i++) {
                latents.put(missing.get(i), fresh.get(i));
            }
        }
        return melodies.stream().map(latents::get).toList();
    }

    void close() {
        generator.close();
    }
}
