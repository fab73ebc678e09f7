package org.melodypalette.model.infer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.melodypalette.model.api.ContinuationOptions;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ContinuationConfig;
import org.melodypalette.model.cpu.Rows;
import org.melodypalette.model.layers.ContinuationLayers;
import org.melodypalette.model.layers.DenseSpec;
import org.melodypalette.model.layers.LstmSpec;

/**
 * The continuation model on the inference kernel (docs/ARCHITECTURE.md §12): the {@link LstmStack}
 * from zeros, layer 0's input as two kernel-row lookups (the previous label, the step's position in
 * the bar), the output projection, and {@link LabelSampler}. A primer is read teacher-forced, then
 * each new label is drawn from the step's logits (classes outside the allowed pitch classes masked
 * to {@code −∞}) and fed back. K candidates run as one batch. One caller at a time.
 */
public final class ContinuationModel implements AutoCloseable {

    private final ContinuationConfig config;
    private final Kernel kernel;
    private final LstmStack stack;
    private final DenseLayer output;
    private final int classes;
    private final int positions;
    private final int width;
    /** {@code [C, 4·Hp0]}: layer 0's kernel row of each previous label, gate order. */
    private final float[] labelRows;
    /** {@code [P, 4·Hp0]}: layer 0's bias plus the kernel row of each position ({@code [1, …]}: the bias alone). */
    private final float[] positionStarts;
    private final LabelSampler sampler;

    private ContinuationModel(ContinuationConfig config, WeightSet weights, Kernel kernel) {
        this.config = config;
        this.kernel = kernel;
        ContinuationLayers layers = ContinuationLayers.of(config);
        layers.shapes().forEach(weights::require);
        int lanes = kernel.lanes();
        List<LstmSpec> cells = layers.stack();
        List<LstmLayer> packed = LstmStack.layers(weights, cells, lanes);
        this.stack = new LstmStack(packed, null);
        LstmLayer first = packed.get(0);
        WeightTensor kernel0 = weights.require(cells.get(0).kernel());
        this.classes = layers.classes();
        this.positions = layers.positions();
        this.width = first.gateColumns();
        this.labelRows = first.rowTable(kernel0, 0, classes);
        float[] positionRows = positions > 0 ? first.rowTable(kernel0, classes, positions) : new float[width];
        this.positionStarts = new float[Math.max(positions, 1) * width];
        for (int p = 0; p < Math.max(positions, 1); p++) {
            for (int j = 0; j < width; j++) {
                positionStarts[p * width + j] = first.bias[j] + (positions > 0 ? positionRows[p * width + j] : 0f);
            }
        }
        DenseSpec out = layers.output();
        this.output = DenseLayer.of(weights.require(out.kernel()), weights.require(out.bias()),
                Layouts.segments(0, lanes, 1, out.in()), Layouts.segments(0, lanes, 4 * lanes, classes), lanes);
        this.sampler = new LabelSampler(classes);
    }

    /**
     * @param weights every variable {@link ContinuationLayers#shapes} lists for {@code config}
     * @throws IllegalArgumentException naming a missing or mis-shaped variable
     */
    public static ContinuationModel load(ContinuationConfig config, WeightSet weights, ComputeOptions options) {
        return new ContinuationModel(config, weights, Kernel.create(options));
    }

    public ContinuationConfig config() {
        return config;
    }

    /** The kernel in words, for logs and benchmark headers. */
    public String description() {
        return kernel.description();
    }

    /**
     * K continuations of {@code primer}: each is the primer's labels followed by {@code steps} new ones.
     * The primer's first label is taken to start a bar.
     *
     * @throws IllegalArgumentException if a primer label is outside the classes or {@code steps < 1}
     */
    public List<int[]> continueLabels(int[] primer, int steps, ContinuationOptions options) {
        if (steps < 1) {
            throw new IllegalArgumentException("a continuation needs at least one step, got " + steps);
        }
        for (int label : primer) {
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("primer label " + label + " is outside 0.." + (classes - 1));
            }
        }
        int batch = options.candidates();
        int length = primer.length + steps;
        int[][] sequences = new int[batch][length];
        SplittableRandom seeds = new SplittableRandom(options.seed());
        SplittableRandom[] randoms = new SplittableRandom[batch];
        for (int n = 0; n < batch; n++) {
            System.arraycopy(primer, 0, sequences[n], 0, primer.length);
            randoms[n] = seeds.split();
        }
        boolean[] allowed = allowedClasses(options);
        float[] gates = new float[batch * width];
        float[] logits = new float[batch * output.outputs()];
        float[] masked = new float[classes];
        kernel.begin();
        try {
            stack.beginZero(batch);
            for (int t = 0; t < length; t++) {
                for (int n = 0; n < batch; n++) {
                    fillGates(gates, n, t, t == 0 ? -1 : sequences[n][t - 1]);
                }
                Rows top = stack.step(kernel, new Rows(gates, 0, width), batch);
                if (t < primer.length) {
                    continue;
                }
                output.apply(kernel, top, new Rows(logits, 0, output.outputs()), batch);
                for (int n = 0; n < batch; n++) {
                    int o = n * output.outputs();
                    for (int c = 0; c < classes; c++) {
                        masked[c] = allowed[c] ? logits[o + c] : Float.NEGATIVE_INFINITY;
                    }
                    sequences[n][t] = options.temperature() == 0 ? Rows.argmax(masked, 0, classes)
                            : sampler.sample(masked, 0, classes, options.temperature(), options.topP(), randoms[n]);
                }
            }
        } finally {
            kernel.end();
        }
        return new ArrayList<>(Arrays.asList(sequences));
    }

    /**
     * The logits of every step with {@code labels} fed back (teacher forcing): {@code [T, C]}, row t
     * predicting {@code labels[t]}.
     */
    public float[] teacherForcedLogits(int[] labels) {
        float[] gates = new float[width];
        float[] logits = new float[output.outputs()];
        float[] all = new float[labels.length * classes];
        kernel.begin();
        try {
            stack.beginZero(1);
            for (int t = 0; t < labels.length; t++) {
                fillGates(gates, 0, t, t == 0 ? -1 : labels[t - 1]);
                Rows top = stack.step(kernel, new Rows(gates, 0, width), 1);
                output.apply(kernel, top, new Rows(logits, 0, output.outputs()), 1);
                System.arraycopy(logits, 0, all, t * classes, classes);
            }
        } finally {
            kernel.end();
        }
        return all;
    }

    /** Row n of layer 0's gates at step t: bias + position row + the previous label's row (none before step 0). */
    private void fillGates(float[] gates, int n, int t, int previous) {
        int row = n * width;
        int start = (positions > 0 ? t % positions : 0) * width;
        System.arraycopy(positionStarts, start, gates, row, width);
        if (previous >= 0) {
            int table = previous * width;
            for (int j = 0; j < width; j++) {
                gates[row + j] += labelRows[table + j];
            }
        }
    }

    /** Classes a new label may take: no event, note off, and the note-ons of allowed pitch classes. */
    private boolean[] allowedClasses(ContinuationOptions options) {
        boolean[] allowed = new boolean[classes];
        for (int c = 0; c < classes; c++) {
            int pitch = c - 2 + config.minPitch();
            allowed[c] = c < 2 || options.allowedPitchClasses().isEmpty()
                    || options.allowedPitchClasses().contains(Math.floorMod(pitch, 12));
        }
        return allowed;
    }

    @Override
    public void close() {
        kernel.close();
    }
}
