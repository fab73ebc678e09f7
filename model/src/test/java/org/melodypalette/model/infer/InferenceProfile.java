package org.melodypalette.model.infer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.checkpoint.CheckpointFolder;
import org.melodypalette.model.checkpoint.LoadedCheckpoint;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.config.ComputeOptions;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.cpu.Rows;
import org.melodypalette.model.layers.BidirectionalSpec;
import org.melodypalette.model.layers.DenseSpec;
import org.melodypalette.model.layers.LstmSpec;
import org.melodypalette.model.layers.ModelLayers;

/**
 * Where inference time goes, by operation, layer and phase, next to what the weights cost to
 * stream on this machine: a developer tool, not a test (no assertions, never run by the build).
 * <pre>
 * java --add-modules jdk.incubator.vector -cp model/target/test-classes:model/target/classes:app/target/lib/* \
 *     org.melodypalette.model.infer.InferenceProfile ../shared/magenta/checkpoints/mel_2bar_small_random [THREADS [operations [cpu]]]
 * </pre>
 * {@code operations} prints part 2 alone; {@code cpu} (with 1 thread) times by the calling thread's
 * CPU time, which a loaded machine's time slicing does not inflate (its cache contention still
 * does): for comparing two builds' arithmetic while other work runs.
 * Prints, medians of repeated calls after a warm-up:
 * <ol>
 *   <li>the streaming roofline: µs and GB/s of one batch-1 product over packed matrices of the
 *       model's widths and growing sizes, on one and two threads, and an empty two-thread region;</li>
 *   <li>each benchmark operation at the label level (what {@code palette bench} times, minus the
 *       tokenizer), with the bytes of weights it reads and its multiply-adds;</li>
 *   <li>the encoder and the decoder at batch 1 split by layer and phase (the kernel calls those
 *       classes make, replayed one by one with a clock around each).</li>
 * </ol>
 */
public final class InferenceProfile {

    private static final int REPEATS = 200;
    private static final int OPERATION_REPEATS = 60;

    /** Whether {@link #median} reads the calling thread's CPU time instead of the wall clock. */
    private static boolean threadClock;
    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private InferenceProfile() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/magenta/checkpoints/mel_2bar_small_random");
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        boolean operationsOnly = args.length > 2 && args[2].equals("operations");
        threadClock = args.length > 3 && args[3].equals("cpu");
        if (threadClock && threads != 1) {
            throw new IllegalArgumentException("the cpu clock (the calling thread's CPU time) needs 1 thread");
        }
        LoadedCheckpoint checkpoint = CheckpointFolder.load(dir);
        ModelConfig config = checkpoint.config();
        WeightSet weights = checkpoint.weights();
        System.out.printf("inference profile of %s (%s), java %s, %d cores, load average %s, clock %s%n",
                dir.getFileName(), config.name(), Runtime.version(), Runtime.getRuntime().availableProcessors(),
                loadAverage(), threadClock ? "thread CPU time" : "wall");
        if (!operationsOnly) {
            roofline(threads);
        }
        try (InferenceModel model = InferenceModel.withThreads(config, weights, threads)) {
            System.out.println("kernel: " + model.kernelDescription());
            model.warmUp();
            if (args.length > 2 && args[2].equals("digest")) {
                digest(model, config);
                return;
            }
            operations(model, config, weights);
        }
        if (!operationsOnly) {
            phases(config, weights, threads);
        }
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    // ------------------------------------------------------------------------------------------

    private static void roofline(int threads) {
        System.out.println();
        System.out.println("1. streaming roofline: one batch-1 product y = x·W over a packed W, median of "
                + REPEATS * 5 + " calls");
        for (int columns : new int[] {1024, 2048}) {
            for (double mb : new double[] {0.5, 1, 1.5, 2, 3, 4, 8}) {
                int rows = (int) Math.round(mb * 1024 * 1024 / 4 / columns);
                PackedMatrix w = randomMatrix(rows, columns);
                StringBuilder line = new StringBuilder(String.format("  %4d cols %5.2f MB (%4d rows):", columns, mb,
                        rows));
                for (int t = 1; t <= threads; t++) {
                    line.append(String.format(" | %d thread%s %s", t, t == 1 ? " " : "s", stream(w, t)));
                }
                System.out.println(line);
            }
        }
        tilePeak();
        try (Team team = new Team(threads)) {
            double[] micros = new double[REPEATS * 50];
            team.begin();
            for (int i = 0; i < micros.length; i++) {
                long start = System.nanoTime();
                team.run(8, (chunk, slot) -> { });
                micros[i] = (System.nanoTime() - start) / 1e3;
            }
            team.end();
            Arrays.sort(micros);
            System.out.printf("  %d-thread region with no work: median %.2f µs, p95 %.2f µs%n", threads,
                    micros[micros.length / 2], micros[micros.length * 95 / 100]);
        }
    }

    /**
     * The compute ceiling of one core: {@link org.melodypalette.model.cpu.FmaTile} (4 rows x 4 vectors,
     * the decode's tile) on a weight block small enough for L1 (depth 64, 16 KB), and the 3- and
     * 1-row variants on the same block; GFLOP/s counts 2 per multiply-add actually needed.
     */
    private static void tilePeak() {
        int lanes = FmaLanes.LANES;
        int width = 4 * lanes;
        int depth = 64;
        PackedMatrix w = randomMatrix(depth, width);
        float[] a = new float[4 * depth];
        Arrays.fill(a, 0.01f);
        float[] c = new float[4 * width];
        int calls = 200_000;
        for (int rows : new int[] {4, 3, 1}) {
            Rows x = new Rows(a, 0, depth);
            Rows init = new Rows(c, 0, width);
            Rows out = new Rows(c, 0, width);
            try (Kernel kernel = Kernel.create(ComputeOptions.fromSystemProperties().withInferenceThreads(1))) {
                double micros = median(REPEATS, i -> {
                    for (int k = 0; k < calls / 100; k++) {
                        kernel.gemmAlone(w, init, x, out, rows, 0);
                    }
                });
                double flops = 2.0 * rows * depth * width * (calls / 100);
                System.out.printf("  register tile, %d row%s x %d columns, depth %d (L1): %.1f GFLOP/s on one core%n",
                        rows, rows == 1 ? "" : "s", width, depth, flops / (micros * 1e3));
            }
        }
    }

    private static String stream(PackedMatrix w, int threads) {
        float[] x = new float[w.rows];
        Arrays.fill(x, 0.01f);
        Rows init = new Rows(new float[w.cols], 0, 0);
        Rows out = new Rows(new float[w.cols], 0, w.cols);
        Rows in = new Rows(x, 0, w.rows);
        try (Kernel kernel = Kernel.create(ComputeOptions.fromSystemProperties().withInferenceThreads(threads))) {
            kernel.begin();
            double micros = median(REPEATS * 5, i -> kernel.gemm(w, init, in, out, 1));
            kernel.end();
            return String.format("%7.1f µs %6.1f GB/s", micros, w.data.length * 4.0 / (micros * 1e3));
        }
    }

    private static PackedMatrix randomMatrix(int rows, int columns) {
        SplittableRandom random = new SplittableRandom(rows);
        float[] w = new float[rows * columns];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) random.nextDouble(-0.1, 0.1);
        }
        int[] rowMap = new int[rows];
        int[] colMap = new int[columns];
        Arrays.setAll(rowMap, i -> i);
        Arrays.setAll(colMap, i -> i);
        return PackedMatrix.pack(w, columns, rowMap, colMap, 4 * FmaLanes.LANES);
    }

    /** The vector length the kernels use, without loading the Vector API in this class. */
    private static final class FmaLanes {
        static final int LANES = org.melodypalette.model.cpu.FmaTile.LANES;
    }

    // ------------------------------------------------------------------------------------------

    private static void operations(InferenceModel model, ModelConfig config, WeightSet weights) {
        ModelLayers specs = ModelLayers.of(config);
        long encoderBytes = 0;
        for (BidirectionalSpec layer : specs.encoder()) {
            encoderBytes += 2L * recurrentBytes(weights, layer.forward());
        }
        long stepBytes = 0;
        for (LstmSpec layer : specs.decoder()) {
            stepBytes += kernelBytes(weights, layer.kernel()) - (layer == specs.decoder().get(0)
                    ? 4L * (config.numClasses() + config.zSize()) * weights.require(layer.kernel()).dim(1) : 0);
        }
        stepBytes += kernelBytes(weights, specs.outputProjection().kernel());
        long encodeBytes = config.numSteps() * encoderBytes + kernelBytes(weights, specs.mu().kernel());
        long decodeBytes = config.numSteps() * stepBytes + kernelBytes(weights, specs.decoderInitialState().kernel())
                + 4L * config.zSize() * weights.require(specs.decoder().get(0).kernel()).dim(1);
        System.out.println();
        System.out.printf("2. operations at the label level, median ms of %d calls; weights read per call "
                + "(recurrent and dense kernels, one-hot rows excluded: a lookup), multiply-adds%n", OPERATION_REPEATS);
        System.out.printf("  encoder reads %.2f MB per step (both directions), decoder %.2f MB per step%n",
                encoderBytes / 1e6, stepBytes / 1e6);
        int[][] scale = new int[2][config.numSteps()];
        SplittableRandom random = new SplittableRandom(1);
        for (int[] row : scale) {
            for (int t = 0; t < row.length; t++) {
                row[t] = random.nextInt(config.numClasses());
            }
        }
        float[][] z1 = model.encode(new int[][] {scale[0]});
        float[][] z11 = new float[11][];
        float[][] z16 = new float[16][config.zSize()];
        Arrays.fill(z11, z1[0]);
        for (float[] row : z16) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        DecodeOptions half = DecodeOptions.sampling(0.5, 1);
        report("encode batch 1", median(OPERATION_REPEATS, i -> model.encode(new int[][] {scale[0]})), encodeBytes, 1);
        report("encode batch 2", median(OPERATION_REPEATS, i -> model.encode(scale)), encodeBytes, 2);
        report("decode batch 1 argmax", median(OPERATION_REPEATS, i -> model.decode(z1, DecodeOptions.ARGMAX)), decodeBytes, 1);
        report("decode batch 1 T=0.5", median(OPERATION_REPEATS, i -> model.decode(z1, half)), decodeBytes, 1);
        report("decode batch 11 argmax", median(OPERATION_REPEATS, i -> model.decode(z11, DecodeOptions.ARGMAX)), decodeBytes,
                11);
        report("decode batch 16 T=0.5", median(OPERATION_REPEATS, i -> model.decode(z16, half)), decodeBytes, 16);
    }

    /** Hashes of encode, argmax decode and sampled decode outputs: two builds must print the same. */
    private static void digest(InferenceModel model, ModelConfig config) {
        SplittableRandom random = new SplittableRandom(7);
        int[][] labels = new int[5][config.numSteps()];
        for (int[] row : labels) {
            for (int t = 0; t < row.length; t++) {
                row[t] = random.nextInt(config.numClasses());
            }
        }
        for (int batch = 1; batch <= 5; batch++) {
            float[][] z = model.encode(Arrays.copyOf(labels, batch));
            float[][] wide = new float[16][];
            for (int n = 0; n < wide.length; n++) {
                wide[n] = z[n % batch];
            }
            System.out.printf("batch %d: encode %08x argmax %08x sampled %08x posterior %08x%n", batch,
                    Arrays.deepHashCode(z), Arrays.deepHashCode(model.decode(Arrays.copyOf(wide, 11), DecodeOptions.ARGMAX)),
                    Arrays.deepHashCode(model.decode(wide, new DecodeOptions(0.5, 0.9, batch))),
                    Arrays.deepHashCode(model.encodePosterior(Arrays.copyOf(labels, batch)).sigma()));
        }
    }

    private static void report(String what, double micros, long bytes, int batch) {
        double madds = bytes / 4.0 * batch;
        System.out.printf("  %-24s %8.3f ms  %7.1f MB weights (%6.1f GB/s)  %7.1f M multiply-adds (%6.1f GFLOP/s)%n",
                what, micros / 1e3, bytes / 1e6, bytes / (micros * 1e3), madds / 1e6, 2 * madds / (micros * 1e3));
    }

    private static long recurrentBytes(WeightSet weights, LstmSpec layer) {
        var kernel = weights.require(layer.kernel());
        int hidden = kernel.dim(1) / 4;
        return 4L * hidden * kernel.dim(1);
    }

    private static long kernelBytes(WeightSet weights, String name) {
        var kernel = weights.require(name);
        return 4L * kernel.dim(0) * kernel.dim(1);
    }

    // ------------------------------------------------------------------------------------------

    private static void phases(ModelConfig config, WeightSet weights, int threads) {
        ModelLayers specs = ModelLayers.of(config);
        try (Kernel kernel = Kernel.create(ComputeOptions.fromSystemProperties().withInferenceThreads(threads))) {
            int lanes = kernel.lanes();
            System.out.println();
            System.out.printf("3. phases, median µs per call (%d threads)%n", threads);
            // Encoder: each direction's 32 recurrent steps, then the mu head.
            BidirectionalSpec first = specs.encoder().get(0);
            LstmLayer forward = LstmLayer.of(weights.require(first.forward().kernel()),
                    weights.require(first.forward().bias()), new int[0], lanes);
            int steps = config.numSteps();
            float[] c = new float[forward.padded];
            float[] h = new float[forward.padded];
            float[] h2 = new float[forward.padded];
            Rows init = forward.biasRows();
            kernel.begin();
            double step = median(REPEATS * 10, i -> kernel.lstm(forward.matrix, 0, init, null,
                    new Rows(i % 2 == 0 ? h : h2, 0, forward.padded), new Rows(c, 0, forward.padded),
                    new Rows(i % 2 == 0 ? h2 : h, 0, forward.padded), 1));
            kernel.end();
            System.out.printf("  encoder step, one direction (%d x %d recurrent kernel, %.2f MB): %.1f µs; "
                            + "x %d steps x 2 directions = %.0f µs%n", forward.matrix.rows, forward.matrix.cols,
                    forward.matrix.data.length * 4 / 1e6, step, steps, step * 2 * steps);
            double alone = median(REPEATS * 10, i -> kernel.lstmAlone(forward.matrix, init,
                    new Rows(i % 2 == 0 ? h : h2, 0, forward.padded), new Rows(c, 0, forward.padded),
                    new Rows(i % 2 == 0 ? h2 : h, 0, forward.padded), 1, 0));
            System.out.printf("  the same step on the calling thread alone (as each core runs its direction): %.1f µs "
                    + "(%.1f GB/s); x %d steps = %.0f µs%n", alone, forward.matrix.data.length * 4 / (alone * 1e3), steps,
                    alone * steps);
            FlatEncoder encoder = new FlatEncoder(config, specs, weights, lanes);
            int[] labels = new int[steps];
            float[] encoded = new float[encoder.outputWidth()];
            kernel.begin();
            double encode = median(REPEATS, i -> encoder.encode(kernel, labels, 1, new Rows(encoded, 0, encoded.length)));
            kernel.end();
            DenseSpec muSpec = specs.mu();
            DenseLayer mu = DenseLayer.of(weights.require(muSpec.kernel()), weights.require(muSpec.bias()),
                    encoder.outputRowMap(), Layouts.segments(0, lanes, 4 * lanes, config.zSize()), lanes);
            float[] muOut = new float[mu.outputs()];
            kernel.begin();
            double head = median(REPEATS * 10, i -> mu.apply(kernel, new Rows(encoded, 0, encoded.length),
                    new Rows(muOut, 0, muOut.length), 1));
            kernel.end();
            System.out.printf("  encoder at batch 1, whole (both directions, all steps): %.1f µs; mu head %.1f µs%n",
                    encode, head);

            // Decoder: state init, then per step each layer, the output projection, argmax / sampling.
            List<LstmSpec> cells = specs.decoder();
            List<LstmLayer> layers = LstmStack.layers(weights, cells, lanes);
            DenseSpec initSpec = specs.decoderInitialState();
            DenseLayer initial = DenseLayer.of(weights.require(initSpec.kernel()), weights.require(initSpec.bias()),
                    Layouts.identity(0, config.zSize()), LstmStack.stateColumns(cells, lanes), lanes);
            DenseSpec outSpec = specs.outputProjection();
            DenseLayer output = DenseLayer.of(weights.require(outSpec.kernel()), weights.require(outSpec.bias()),
                    Layouts.segments(0, lanes, 1, outSpec.in()), Layouts.segments(0, lanes, 4 * lanes,
                            config.numClasses()), lanes);
            for (int batch : new int[] {1, 16}) {
                decoderPhases(kernel, layers, initial, output, config, batch);
            }
        }
    }

    /** The decoder's state init, then per step each layer, the output projection, argmax and sampling, at one batch. */
    private static void decoderPhases(Kernel kernel, List<LstmLayer> layers, DenseLayer initial, DenseLayer output,
                                      ModelConfig config, int batch) {
        System.out.printf("  decoder at batch %d:%n", batch);
        float[] z = new float[batch * config.zSize()];
        Arrays.fill(z, 0.1f);
        float[] state = new float[batch * initial.outputs()];
        kernel.begin();
        double initMicros = median(REPEATS * 2, i -> initial.apply(kernel, new Rows(z, 0, config.zSize()),
                new Rows(state, 0, initial.outputs()), batch));
        kernel.end();
        System.out.printf("    initial state (%d x %d): %.1f µs%n", initial.matrix.rows, initial.matrix.cols,
                initMicros);
        for (int k = 0; k < layers.size(); k++) {
            LstmLayer layer = layers.get(k);
            int width = Math.max(1, layer.inputRows);
            float[] x = new float[batch * width];
            Arrays.fill(x, 0.05f);
            float[] lc = new float[batch * layer.padded];
            float[] la = new float[batch * layer.padded];
            float[] lb = new float[batch * layer.padded];
            Arrays.fill(la, 0.05f);
            Rows xRows = layer.inputRows == 0 ? null : new Rows(x, 0, width);
            kernel.begin();
            double micros = median(REPEATS * 2, i -> kernel.lstm(layer.matrix, layer.inputRows, layer.biasRows(),
                    xRows, new Rows(i % 2 == 0 ? la : lb, 0, layer.padded), new Rows(lc, 0, layer.padded),
                    new Rows(i % 2 == 0 ? lb : la, 0, layer.padded), batch));
            kernel.end();
            double madds = (double) batch * layer.matrix.rows * layer.matrix.cols;
            System.out.printf("    layer %d step (%d x %d packed, %.2f MB): %.1f µs (%.1f GFLOP/s)%n", k,
                    layer.matrix.rows, layer.matrix.cols, layer.matrix.data.length * 4 / 1e6, micros,
                    2 * madds / (micros * 1e3));
        }
        int top = layers.get(layers.size() - 1).padded;
        float[] h = new float[batch * top];
        float[] logits = new float[batch * output.outputs()];
        kernel.begin();
        double outMicros = median(REPEATS * 2, i -> output.apply(kernel, new Rows(h, 0, top),
                new Rows(logits, 0, output.outputs()), batch));
        kernel.end();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < logits.length; i++) {
            logits[i] = (float) random.nextGaussian();
        }
        LabelSampler sampler = new LabelSampler(config.numClasses());
        int classes = config.numClasses();
        double argmax = median(REPEATS * 2, i -> {
            for (int n = 0; n < batch; n++) {
                Rows.argmax(logits, n * output.outputs(), classes);
            }
        });
        double sample = median(REPEATS * 2, i -> {
            for (int n = 0; n < batch; n++) {
                sampler.sample(logits, n * output.outputs(), classes, 0.5, 1.0, random);
            }
        });
        System.out.printf("    output projection (%d x %d): %.1f µs; argmax of every row %.2f µs; "
                + "softmax draws T=0.5 %.2f µs%n", output.matrix.rows, output.matrix.cols, outMicros, argmax, sample);
    }

    private static long now() {
        return threadClock ? CPU.getCurrentThreadCpuTime() : System.nanoTime();
    }

    /** Median µs of {@code runs} calls after as many warm-up calls. */
    private static double median(int runs, IntConsumer call) {
        for (int i = 0; i < runs; i++) {
            call.accept(i);
        }
        double[] micros = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = now();
            call.accept(i);
            micros[i] = (now() - start) / 1e3;
        }
        Arrays.sort(micros);
        return micros[runs / 2];
    }
}
