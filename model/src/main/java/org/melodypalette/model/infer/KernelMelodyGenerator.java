package org.melodypalette.model.infer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.api.LatentCode;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.LatentMath;
import org.melodypalette.model.api.LatentVector;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.model.api.Posterior;
import org.melodypalette.model.api.RefineOptions;
import org.melodypalette.model.checkpoint.AttributeVectors;
import org.melodypalette.model.checkpoint.CheckpointException;
import org.melodypalette.model.checkpoint.CheckpointFolder;
import org.melodypalette.model.checkpoint.LoadedCheckpoint;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.refine.LatentRefiner;
import org.melodypalette.music.Melody;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.tokenizer.MelodyTokenizer;
import org.melodypalette.tokenizer.OutOfRangePolicy;

/**
 * {@link LatentCodec} on an {@link InferenceModel}: melodies become labels through the model's
 * {@link MelodyTokenizer} (cut or padded to numSteps, out-of-range pitches octave-folded), latent
 * arithmetic follows magenta.js (docs/ARCHITECTURE.md §9).
 *
 * <p>Randomness: decoding draws from per-melody streams split from the options' seed (see
 * {@link InferenceModel}); latent noise ({@link #sample}, {@link #similar}) from a separate stream
 * seeded from the same seed, so results are deterministic for a seed. Thread-safe.
 */
public final class KernelMelodyGenerator implements LatentCodec {

    /** Decorrelates the latent-noise stream from the decoding streams of the same seed. */
    private static final long NOISE_SALT = 0x6A09E667F3BCC909L;

    /** Refinement steps of {@link #warmUp()}. */
    private static final int WARM_UP_REFINE_STEPS = 3;

    private final InferenceModel model;
    private final ModelInfo info;
    private final MelodyTokenizer tokenizer;
    private final TimeGrid grid;
    private final Map<String, float[]> attributes;
    private final LatentRefiner refiner;
    private volatile boolean closed;

    /** @param weights the model's variables by Magenta name, for refined encoding (read only, kept) */
    KernelMelodyGenerator(InferenceModel model, String source, Map<String, float[]> attributes,
                          Map<String, float[]> weights) {
        ModelConfig config = model.config();
        this.model = model;
        this.refiner = new LatentRefiner(config, weights, (z, bars) -> model.decode(z, bars, DecodeOptions.ARGMAX));
        this.attributes = Map.copyOf(attributes);
        this.info = new ModelInfo(config.name(), source, config.numSteps(), config.stepsPerBar(), config.zSize(),
                config.minPitch(), config.maxPitch(), List.copyOf(attributes.keySet()));
        OutOfRangePolicy policy = config.maxPitch() - config.minPitch() >= 11
                ? OutOfRangePolicy.OCTAVE_FOLD : OutOfRangePolicy.STRICT;
        this.tokenizer = MelodyTokenizer.of(config.minPitch(), config.maxPitch(), policy);
        this.grid = gridFor(config.stepsPerBar());
    }

    /** Opens a checkpoint folder and its optional {@code attributes.json}. */
    public static KernelMelodyGenerator open(Path dir) throws CheckpointException {
        LoadedCheckpoint checkpoint = CheckpointFolder.load(dir);
        Map<String, float[]> attributes = AttributeVectors.read(dir, checkpoint.config().zSize());
        Map<String, float[]> weights = new LinkedHashMap<>();
        for (WeightTensor tensor : checkpoint.weights().tensors()) {
            weights.put(tensor.name(), tensor.values());
        }
        return new KernelMelodyGenerator(InferenceModel.of(checkpoint), checkpoint.source(), attributes, weights);
    }

    /** 16th notes: a bar of {@code stepsPerBar} steps is {@code stepsPerBar / 4} quarters. */
    private static TimeGrid gridFor(int stepsPerBar) {
        return stepsPerBar % 4 == 0 ? new TimeGrid(4, stepsPerBar / 4, 4, 120.0) : new TimeGrid(stepsPerBar, 1, 4, 120.0);
    }

    /** Which arithmetic kernel runs the model (for benchmarks and logs). */
    public String kernelDescription() {
        return model.kernelDescription();
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public List<LatentVector> encode(List<Melody> melodies) {
        return latents(encodeLabels(labelsOf(melodies)));
    }

    @Override
    public List<Melody> decode(List<LatentVector> latents, DecodeOptions options) {
        return melodies(decodeLabels(arrays(latents), options));
    }

    @Override
    public List<Melody> sample(int n, DecodeOptions options) {
        requirePositive(n, "n");
        SplittableRandom noise = noise(options);
        float[][] z = new float[n][info.zSize()];
        for (float[] row : z) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) noise.nextGaussian();
            }
        }
        return melodies(decodeLabels(z, options));
    }

    @Override
    public List<Melody> interpolate(Melody a, Melody b, int steps, Interpolation mode, boolean keepOriginals,
                                    DecodeOptions options) {
        if (steps < 2) {
            throw new IllegalArgumentException("an interpolation needs at least 2 steps, not " + steps);
        }
        int[][] ends = labelsOf(List.of(a, b));
        float[][] z = encodeLabels(ends);
        LatentVector za = new LatentVector(z[0]);
        LatentVector zb = new LatentVector(z[1]);
        float[] r = LatentMath.linspace(steps);
        float[][] path = new float[steps][];
        for (int i = 0; i < steps; i++) {
            path[i] = (mode == Interpolation.SLERP ? LatentMath.slerp(za, zb, r[i]) : LatentMath.lerpFloat32(za, zb, r[i]))
                    .toArray();
        }
        List<Melody> out = new ArrayList<>(melodies(decodeLabels(path, options)));
        if (keepOriginals) {
            out.set(0, melody(ends[0]));
            out.set(steps - 1, melody(ends[1]));
        }
        return List.copyOf(out);
    }

    @Override
    public List<Melody> similar(Melody melody, int n, double amount, DecodeOptions options) {
        return similar(new LatentVector(encodeLabels(new int[][] {labels(melody)})[0]), n, amount, options);
    }

    @Override
    public List<Melody> similar(LatentVector centre, int n, double amount, DecodeOptions options) {
        return melodies(decodeLabels(similarZ(centre, n, amount, options), options));
    }

    @Override
    public List<Melody> similar(LatentCode centre, int n, double amount, DecodeOptions options) {
        float[][] z = similarZ(centre.z(), n, amount, options);
        float[] offsets = centre.barOffsetArray();
        float[][] bars = offsets == null ? null : new float[n][];
        for (int i = 0; bars != null && i < n; i++) {
            bars[i] = offsets;
        }
        return melodies(decodeLabels(z, bars, options));
    }

    @Override
    public RefineOptions refineDefaults() {
        return LatentRefiner.defaults(model.config());
    }

    /** {@code n} points {@code centre·amount + N(0, I)·(1 − amount)} drawn from the options' noise stream. */
    private float[][] similarZ(LatentVector centre, int n, double amount, DecodeOptions options) {
        requirePositive(n, "n");
        if (!(amount >= 0.0 && amount <= 1.0)) {
            throw new IllegalArgumentException("similarity amount " + amount + " is outside 0..1");
        }
        float[] mu = centre.toArray();
        SplittableRandom noise = noise(options);
        float s = (float) amount;
        float[][] z = new float[n][mu.length];
        for (float[] row : z) {
            for (int i = 0; i < row.length; i++) {
                // magenta.js similar(): mu·s + N(0, I)·(1 − s), in float32.
                row[i] = mu[i] * s + (float) noise.nextGaussian() * (1 - s);
            }
        }
        return z;
    }

    @Override
    public Melody applyAttribute(Melody melody, String attribute, double strength, DecodeOptions options) {
        float[] direction = attributes.get(attribute);
        if (direction == null) {
            throw new IllegalArgumentException("unknown attribute '" + attribute + "'; " + (attributes.isEmpty()
                    ? "model " + info.name() + " ships no attribute vectors (no attributes.json)"
                    : "available: " + String.join(", ", info.attributes())));
        }
        if (!Double.isFinite(strength)) {
            throw new IllegalArgumentException("attribute strength " + strength + " is not finite");
        }
        LatentVector mu = encode(List.of(melody)).get(0);
        LatentVector moved = LatentMath.add(mu, new LatentVector(direction), strength);
        return decode(List.of(moved), options).get(0);
    }

    @Override
    public int[] labels(Melody melody) {
        return tokenizer.encode(melody, info.numSteps());
    }

    @Override
    public Melody melody(int[] labels) {
        return tokenizer.decode(labels, grid);
    }

    @Override
    public float[][] encodeLabels(int[][] labels) {
        checkOpen();
        return model.encode(labels);
    }

    @Override
    public Posterior encodePosterior(int[][] labels) {
        checkOpen();
        return model.encodePosterior(labels);
    }

    @Override
    public int[][] decodeLabels(float[][] z, DecodeOptions options) {
        checkOpen();
        return model.decode(z, options);
    }

    @Override
    public int[][] decodeLabels(float[][] z, float[][] barOffsets, DecodeOptions options) {
        checkOpen();
        return model.decode(z, barOffsets, options);
    }

    @Override
    public float[][][] teacherForcedLogits(float[][] z, int[][] labels) {
        checkOpen();
        return model.teacherForcedLogits(z, labels);
    }

    @Override
    public List<Encoding> encode(List<Melody> melodies, RefineOptions options) {
        return encodeLabels(labelsOf(melodies), options);
    }

    @Override
    public synchronized List<Encoding> encodeLabels(int[][] labels, RefineOptions options) {
        checkOpen();
        long start = System.nanoTime();
        return refiner.refine(model.encode(labels), labels, options, start);
    }

    @Override
    public List<Melody> interpolate(LatentVector a, LatentVector b, int steps, Interpolation mode,
                                    DecodeOptions options) {
        return decode(LatentMath.path(a, b, steps, mode), options);
    }

    @Override
    public void warmUp() {
        checkOpen();
        model.warmUp();
        // Refinement's passes (the model's own kind) at the batch sizes a slot pair uses (1 and 2), so the first refinement
        // is not spent in the interpreter and cut short by its time budget.
        int[][] silence = new int[2][info.numSteps()];
        for (int[][] labels : List.of(new int[][] {silence[0]}, silence)) {
            encodeLabels(labels, refineDefaults().withMaxSteps(WARM_UP_REFINE_STEPS).withBudgetMillis(0));
        }
    }

    @Override
    public void close() {
        closed = true;
        model.close();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("model " + info.name() + " is closed");
        }
    }

    private int[][] labelsOf(List<Melody> melodies) {
        int[][] labels = new int[melodies.size()][];
        for (int n = 0; n < labels.length; n++) {
            labels[n] = labels(melodies.get(n));
        }
        return labels;
    }

    private List<Melody> melodies(int[][] labels) {
        List<Melody> out = new ArrayList<>(labels.length);
        for (int[] l : labels) {
            out.add(melody(l));
        }
        return List.copyOf(out);
    }

    private static List<LatentVector> latents(float[][] z) {
        List<LatentVector> out = new ArrayList<>(z.length);
        for (float[] row : z) {
            out.add(new LatentVector(row));
        }
        return List.copyOf(out);
    }

    private static float[][] arrays(List<LatentVector> latents) {
        float[][] z = new float[latents.size()][];
        for (int n = 0; n < z.length; n++) {
            z[n] = latents.get(n).toArray();
        }
        return z;
    }

    private static SplittableRandom noise(DecodeOptions options) {
        return new SplittableRandom(options.seed() ^ NOISE_SALT);
    }

    private static void requirePositive(int n, String what) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " " + n + " must be at least 1");
        }
    }
}
