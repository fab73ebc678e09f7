package org.melodypalette.model.infer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Posterior;
import org.melodypalette.model.checkpoint.CheckpointException;
import org.melodypalette.model.checkpoint.CheckpointFolder;
import org.melodypalette.model.checkpoint.LoadedCheckpoint;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelConfig.EncoderKind;
import org.melodypalette.model.cpu.Activations;
import org.melodypalette.model.cpu.Rows;
import org.melodypalette.model.layers.DenseSpec;
import org.melodypalette.model.layers.ModelLayers;

/**
 * A MusicVAE ready for fast CPU inference at the label level (what tools, evaluation and parity
 * tests need): labels {@code [batch][numSteps]} (class ids, docs/ARCHITECTURE.md §2) and latent vectors
 * {@code [batch][zSize]} in and out. Pure Java, float32, the math of magenta.js 1.23.1
 * (docs/ARCHITECTURE.md §3–§7); weights are laid out once at load and buffers are reused across calls.
 *
 * <p>Thread-safe (calls are serialised). Results do not depend on how a batch is split: inputs
 * larger than {@link #MAX_BATCH} are computed in chunks, and sampling draws from one random stream
 * per sequence, split in order from the options' seed.
 */
public final class InferenceModel implements AutoCloseable {

    /** Sequences computed together; beyond this, batching gains nothing and buffers only grow. */
    public static final int MAX_BATCH = 64;
    /** Rows per task of a step's output projection and label choice: one register tile's height. */
    private static final int ROWS_PER_TASK = 4;

    private final ModelConfig config;
    private final Kernel kernel;
    private final Encoder encoder;
    private final DenseLayer mu;
    private final DenseLayer sigma;
    private final Conductor conductor;
    private final NoteDecoder notes;
    private final int segments;
    private final int segmentSteps;
    /** One per team thread: label choice runs in parallel over rows. */
    private final LabelSampler[] samplers;

    private int capacity;
    private int[] labelBuffer;
    private float[] encoded;
    private float[] heads;
    private float[] latents;
    private int[] previous;
    /** Every bar embedding of a hierarchical decode chunk, row {@code segment·batch + n}. */
    private float[] barEmbeddings;

    private InferenceModel(ModelConfig config, WeightSet weights, Kernel kernel) {
        this.config = config;
        this.kernel = kernel;
        int lanes = kernel.lanes();
        ModelLayers layers = ModelLayers.of(config);
        this.encoder = config.encoder() == EncoderKind.HIERARCHICAL
                ? new HierarchicalEncoder(config, layers, weights, lanes)
                : new FlatEncoder(config, layers, weights, lanes);
        int[] zColumns = Layouts.segments(0, lanes, 4 * lanes, config.zSize());
        this.mu = head(weights, layers.mu(), encoder.outputRowMap(), zColumns, lanes);
        this.sigma = weights.contains(layers.sigma().kernel())
                ? head(weights, layers.sigma(), encoder.outputRowMap(), zColumns, lanes) : null;
        if (layers.hasConductor()) {
            this.conductor = new Conductor(layers, weights, lanes);
            this.notes = new NoteDecoder(layers, weights, Conductor.embeddingRowMap(layers, lanes), lanes);
            this.segments = config.numSegments();
        } else {
            this.conductor = null;
            this.notes = new NoteDecoder(layers, weights, Layouts.identity(0, config.zSize()), lanes);
            this.segments = 1;
        }
        this.segmentSteps = config.numSteps() / segments;
        this.samplers = new LabelSampler[kernel.threads()];
        Arrays.setAll(samplers, slot -> new LabelSampler(config.numClasses()));
    }

    private static DenseLayer head(WeightSet weights, DenseSpec spec, int[] rows, int[] cols, int lanes) {
        return DenseLayer.of(weights.require(spec.kernel()), weights.require(spec.bias()), rows, cols, lanes);
    }

    /** Loads a checkpoint folder (ours or magenta.js's) with the fastest kernel this JVM offers. */
    public static InferenceModel load(Path dir) throws CheckpointException {
        return of(CheckpointFolder.load(dir));
    }

    public static InferenceModel of(LoadedCheckpoint checkpoint) {
        return of(checkpoint.config(), checkpoint.weights());
    }

    /** A model from weights whose shapes match {@code config} (as {@link CheckpointFolder#load} checks). */
    public static InferenceModel of(ModelConfig config, WeightSet weights) {
        return of(config, weights, ComputeOptions.fromSystemProperties());
    }

    /** A model whose kernel and threads are the ones {@code options} ask for. */
    public static InferenceModel of(ModelConfig config, WeightSet weights, ComputeOptions options) {
        return new InferenceModel(config, weights, Kernel.create(options));
    }

    /** The same with the plain-Java kernel, whatever the JVM offers (comparisons, tests). */
    static InferenceModel scalar(ModelConfig config, WeightSet weights) {
        return of(config, weights, ComputeOptions.fromSystemProperties().withKernel(ComputeOptions.Kernel.SCALAR));
    }

    /** The fastest kernel with a team of {@code threads} threads (tests, benchmarks). */
    static InferenceModel withThreads(ModelConfig config, WeightSet weights, int threads) {
        return of(config, weights, ComputeOptions.fromSystemProperties().withInferenceThreads(threads));
    }

    public ModelConfig config() {
        return config;
    }

    /** Which kernel runs the math, e.g. {@code vector (16 lanes)}, for logs and benchmarks. */
    public String kernelDescription() {
        return kernel.description();
    }

    /** The posterior mean {@code mu} of each label sequence (what magenta.js {@code encode} returns). */
    public synchronized float[][] encode(int[][] labels) {
        kernel.begin();
        try {
            return encodePosterior(labels, false).mu();
        } finally {
            kernel.end();
        }
    }

    /** {@code mu} and {@code sigma = softplus(dense(encoded))}; sigma null if the checkpoint has none. */
    public synchronized Posterior encodePosterior(int[][] labels) {
        kernel.begin();
        try {
            return encodePosterior(labels, sigma != null);
        } finally {
            kernel.end();
        }
    }

    /** One label sequence per latent vector: argmax at temperature 0, else sampled (seeded). */
    public synchronized int[][] decode(float[][] z, DecodeOptions options) {
        return decode(z, null, options);
    }

    /**
     * The same with each bar's embedding (a hierarchical decoder's conductor output) moved by the
     * given offsets: {@code barOffsets [n][S·E]}, bar s at {@code [s·E, (s+1)·E)} with E the note
     * decoder's embedding size; null = none (a flat decoder takes none).
     */
    public synchronized int[][] decode(float[][] z, float[][] barOffsets, DecodeOptions options) {
        checkLatents(z);
        checkBarOffsets(barOffsets, z.length);
        int[][] labels = new int[z.length][config.numSteps()];
        SplittableRandom[] randoms = options.isArgmax() ? null : randoms(options.seed(), z.length);
        kernel.begin();
        try {
            for (int from = 0; from < z.length; from += MAX_BATCH) {
                decodeChunk(z, barOffsets, from, Math.min(MAX_BATCH, z.length - from), null, options, randoms,
                        labels, null);
            }
        } finally {
            kernel.end();
        }
        return labels;
    }

    /**
     * Logits {@code [batch][numSteps][numClasses]} when each step's previous output is the given
     * label (teacher forcing, as in training and the parity tests).
     */
    public synchronized float[][][] teacherForcedLogits(float[][] z, int[][] labels) {
        checkLatents(z);
        checkLabels(labels);
        if (labels.length != z.length) {
            throw new IllegalArgumentException(z.length + " latent vectors but " + labels.length + " label sequences");
        }
        float[][][] logits = new float[z.length][config.numSteps()][config.numClasses()];
        kernel.begin();
        try {
            for (int from = 0; from < z.length; from += MAX_BATCH) {
                decodeChunk(z, null, from, Math.min(MAX_BATCH, z.length - from), labels, DecodeOptions.ARGMAX, null,
                        null, logits);
            }
        } finally {
            kernel.end();
        }
        return logits;
    }

    /**
     * Runs every code path (batch 1 and the 4-row blocks, full and partial, larger batches use) so
     * that the JIT compiles them before the first user action (docs/measurements/bench/warm-up.txt).
     */
    public synchronized void warmUp() {
        int[][] silence = new int[11][config.numSteps()];
        // The JIT needs loop iterations, not sequences: short models get more rounds.
        int rounds = Math.max(1, 96 / config.numSteps());
        for (int round = 0; round < rounds; round++) {
            for (int batch : new int[] {1, 2, 11}) {
                float[][] z = encode(Arrays.copyOf(silence, batch));
                decode(z, DecodeOptions.ARGMAX);
                decode(z, new DecodeOptions(0.5, 0.9, round));
            }
        }
    }

    /** Stops the worker threads; the model cannot be used afterwards. */
    @Override
    public synchronized void close() {
        kernel.close();
    }

    private Posterior encodePosterior(int[][] labels, boolean withSigma) {
        checkLabels(labels);
        int zSize = config.zSize();
        float[][] muOut = new float[labels.length][zSize];
        float[][] sigmaOut = withSigma ? new float[labels.length][zSize] : null;
        for (int from = 0; from < labels.length; from += MAX_BATCH) {
            int batch = Math.min(MAX_BATCH, labels.length - from);
            ensureCapacity(batch);
            int steps = config.numSteps();
            for (int n = 0; n < batch; n++) {
                System.arraycopy(labels[from + n], 0, labelBuffer, n * steps, steps);
            }
            Rows encodedRows = new Rows(encoded, 0, encoder.outputWidth());
            encoder.encode(kernel, labelBuffer, batch, encodedRows);
            Rows headRows = new Rows(heads, 0, mu.outputs());
            mu.apply(kernel, encodedRows, headRows, batch);
            for (int n = 0; n < batch; n++) {
                System.arraycopy(heads, headRows.at(n), muOut[from + n], 0, zSize);
            }
            if (withSigma) {
                sigma.apply(kernel, encodedRows, headRows, batch);
                for (int n = 0; n < batch; n++) {
                    for (int i = 0; i < zSize; i++) {
                        sigmaOut[from + n][i] = Activations.softplus(heads[headRows.at(n) + i]);
                    }
                }
            }
        }
        return new Posterior(muOut, sigmaOut);
    }

    private void decodeChunk(float[][] z, float[][] barOffsets, int from, int batch, int[][] forced,
                             DecodeOptions options,
                             SplittableRandom[] randoms, int[][] labelsOut, float[][][] logitsOut) {
        ensureCapacity(batch);
        int zSize = config.zSize();
        for (int n = 0; n < batch; n++) {
            System.arraycopy(z[from + n], 0, latents, n * zSize, zSize);
        }
        Rows zRows = new Rows(latents, 0, zSize);
        Arrays.fill(previous, 0, batch, -1);
        if (conductor != null) {
            Rows bars = conductor.embeddings(kernel, zRows, batch, segments, barEmbeddings);
            if (barOffsets != null) {
                addBarOffsets(barOffsets, from, batch);
            }
            notes.prepare(kernel, bars, segments * batch);
        } else {
            notes.begin(kernel, zRows, batch);
        }
        for (int segment = 0; segment < segments; segment++) {
            if (conductor != null) {
                notes.beginPrepared(segment * batch, batch);
            }
            for (int t = 0; t < segmentSteps; t++) {
                int step = segment * segmentSteps + t;
                Rows top = notes.advance(kernel, previous, batch);
                int tasks = (batch + ROWS_PER_TASK - 1) / ROWS_PER_TASK;
                kernel.split(tasks, (task, slot) -> {
                    int first = task * ROWS_PER_TASK;
                    int rows = Math.min(ROWS_PER_TASK, batch - first);
                    notes.project(kernel, top, first, rows, slot);
                    chooseLabels(first, rows, slot, from, step, forced, options, randoms, labelsOut, logitsOut);
                });
            }
        }
    }

    /** Adds bar s's offset of sequence from + n to row {@code s·batch + n} of the bar embeddings (padding stays 0). */
    private void addBarOffsets(float[][] barOffsets, int from, int batch) {
        int width = conductor.embeddingWidth();
        int size = barOffsets[from].length / segments;
        for (int s = 0; s < segments; s++) {
            for (int n = 0; n < batch; n++) {
                float[] offsets = barOffsets[from + n];
                int row = (s * batch + n) * width;
                for (int i = 0; i < size; i++) {
                    barEmbeddings[row + i] += offsets[s * size + i];
                }
            }
        }
    }

    /**
     * Each row's label from its logits: argmax, a draw from the row's own random stream, or the
     * forced label (its logits copied out). Rows are independent, so tasks of different rows may run
     * on different threads ({@code slot} picks the sampler's scratch).
     */
    private void chooseLabels(int first, int rows, int slot, int from, int step, int[][] forced,
                              DecodeOptions options, SplittableRandom[] randoms, int[][] labelsOut,
                              float[][][] logitsOut) {
        int classes = config.numClasses();
        Rows logits = notes.logits();
        for (int n = first; n < first + rows; n++) {
            int offset = logits.at(n);
            int label;
            if (forced != null) {
                System.arraycopy(logits.data(), offset, logitsOut[from + n][step], 0, classes);
                label = forced[from + n][step];
            } else if (options.isArgmax()) {
                label = Rows.argmax(logits.data(), offset, classes);
            } else {
                label = samplers[slot].sample(logits.data(), offset, classes, options.temperature(),
                        options.topP(), randoms[from + n]);
            }
            if (labelsOut != null) {
                labelsOut[from + n][step] = label;
            }
            previous[n] = label;
        }
    }

    private static SplittableRandom[] randoms(long seed, int count) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] randoms = new SplittableRandom[count];
        for (int i = 0; i < count; i++) {
            randoms[i] = root.split();
        }
        return randoms;
    }

    private void ensureCapacity(int batch) {
        if (batch > capacity) {
            capacity = batch;
            labelBuffer = new int[batch * config.numSteps()];
            encoded = new float[batch * encoder.outputWidth()];
            heads = new float[batch * mu.outputs()];
            latents = new float[batch * config.zSize()];
            previous = new int[batch];
            barEmbeddings = conductor == null ? null : new float[segments * batch * conductor.embeddingWidth()];
        }
    }

    private void checkLabels(int[][] labels) {
        int classes = config.numClasses();
        for (int n = 0; n < labels.length; n++) {
            if (labels[n].length != config.numSteps()) {
                throw new IllegalArgumentException("sequence " + n + " has " + labels[n].length
                        + " labels; the model takes " + config.numSteps());
            }
            for (int t = 0; t < labels[n].length; t++) {
                if (labels[n][t] < 0 || labels[n][t] >= classes) {
                    throw new IllegalArgumentException("sequence " + n + " step " + t + ": label " + labels[n][t]
                            + " is outside 0.." + (classes - 1));
                }
            }
        }
    }

    private void checkBarOffsets(float[][] barOffsets, int count) {
        if (barOffsets == null) {
            return;
        }
        int size = conductor == null ? 0 : segments * ModelLayers.of(config).noteEmbeddingSize();
        if (size == 0) {
            throw new IllegalArgumentException("a flat decoder has no bar embeddings to offset");
        }
        if (barOffsets.length != count) {
            throw new IllegalArgumentException(count + " latent vectors but " + barOffsets.length + " bar offsets");
        }
        for (int n = 0; n < count; n++) {
            if (barOffsets[n].length != size) {
                throw new IllegalArgumentException("bar offsets " + n + " have " + barOffsets[n].length
                        + " values; the model's bars take " + size);
            }
            for (float v : barOffsets[n]) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("bar offsets " + n + " hold " + v);
                }
            }
        }
    }

    private void checkLatents(float[][] z) {
        for (int n = 0; n < z.length; n++) {
            if (z[n].length != config.zSize()) {
                throw new IllegalArgumentException("latent vector " + n + " has " + z[n].length
                        + " values; the model's z has " + config.zSize());
            }
            for (int i = 0; i < z[n].length; i++) {
                if (!Float.isFinite(z[n][i])) {
                    throw new IllegalArgumentException("latent vector " + n + " value " + i + " is " + z[n][i]);
                }
            }
        }
    }
}
