package org.melodypalette.app.workbench.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.api.LatentCode;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.MelodyGenerator;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.model.api.MorphPath;
import org.melodypalette.model.api.RefineOptions;
import org.melodypalette.music.Melody;

/**
 * One opened model and the latent codes already computed with it. Used only on the model worker
 * thread (through {@link ModelSession#call}); the cache belongs to this model, so swapping models
 * can never mix codes from two latent spaces.
 */
public final class LoadedModel {

    private static final int KEPT_MORPHS = 8;

    private final MelodyGenerator generator;
    private final Path checkpoint;
    private final ModelInfo info;
    private final ModelDescription description;
    private final Map<Melody, LatentCode> latents = new ConcurrentHashMap<>();
    private final Map<MorphKey, MorphPath> morphs = new ConcurrentHashMap<>();
    /** Melodies whose refinement ended (out of steps or time) without a code that decodes to them. */
    private final Set<Melody> inexact = ConcurrentHashMap.newKeySet();

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
     * The codes of {@code melodies}, encoding only those not seen before (in one batch): refined as the
     * model refines by default ({@link LatentCodec#refineDefaults()}: z alone for a flat decoder, z and
     * each bar's embedding for a hierarchical one, whose codes then carry bar offsets) within
     * {@link #refineOptions}' time budget, so that decoding a melody's code gives the melody back where
     * the model can; the latent means when the model offers no refinement. Runs on the model worker,
     * like every use of this class.
     */
    public List<LatentCode> encode(List<Melody> melodies) {
        List<Melody> missing = new ArrayList<>();
        for (Melody m : melodies) {
            if (!latents.containsKey(m) && !missing.contains(m)) {
                missing.add(m);
            }
        }
        if (!missing.isEmpty()) {
            List<Encoding> refined = generator instanceof LatentCodec codec
                    ? codec.encode(missing, refineOptions(codec)) : null;
            List<LatentCode> fresh = refined != null ? refined.stream().map(Encoding::code).toList()
                    : generator.encode(missing).stream().map(LatentCode::of).toList();
            for (int i = 0; i < missing.size(); i++) {
                latents.put(missing.get(i), fresh.get(i));
                if (refined != null && !refined.get(i).exact()) {
                    inexact.add(missing.get(i));
                }
            }
        }
        return melodies.stream().map(latents::get).toList();
    }

    /**
     * For the status line: which of {@code melodies} (encoded here before, named by {@code names}) their
     * refined codes do not give back exactly, e.g. {@code " · A is not given back exactly"}; empty when all
     * are, or when the model does not refine.
     */
    public String notGivenBack(List<Melody> melodies, List<String> names) {
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < melodies.size(); i++) {
            if (inexact.contains(melodies.get(i))) {
                missed.add(names.get(i));
            }
        }
        if (missed.isEmpty()) {
            return "";
        }
        return " · " + String.join(", ", missed) + (missed.size() == 1 ? " is" : " are")
                + " not given back exactly: the model cannot play " + (missed.size() == 1 ? "it" : "them")
                + " note for note, or refining ran out of time";
    }

    /** The workbench's refinement: the model's defaults, {@link RefineOptions#interactive() as the workbench runs them}. */
    static RefineOptions refineOptions(LatentCodec codec) {
        return codec.refineDefaults().interactive();
    }

    /**
     * Where the {@code n} points of the morph from {@code a} to {@code b} sit: spaced evenly in what is
     * heard ({@link LatentCodec#evenPath}) when the model can decode for it, else evenly in t. The strip
     * and the slider both ask here, so step i of the strip is the slider at {@code i/(n−1)}. The last few
     * paths are kept: dragging the slider asks again at every move.
     */
    public MorphPath morphPath(LatentCode a, LatentCode b, int n, Interpolation mode) {
        MorphKey key = new MorphKey(a, b, n, mode);
        MorphPath known = morphs.get(key);
        if (known != null) {
            return known;
        }
        MorphPath path = generator instanceof LatentCodec codec ? codec.evenPath(a, b, n, mode) : MorphPath.uniform(n);
        if (morphs.size() >= KEPT_MORPHS) {
            morphs.clear();
        }
        morphs.put(key, path);
        return path;
    }

    void close() {
        generator.close();
    }

    private record MorphKey(LatentCode a, LatentCode b, int n, Interpolation mode) {
    }
}
