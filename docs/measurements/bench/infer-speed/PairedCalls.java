import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Two builds of the inference model in one JVM, each from its own class loader (its own jars and its
 * own worker threads), timed call by call in alternation (A B, B A, ...) so that a loaded machine's
 * drifting speed hits both alike: each operation's median ms per build and the median of the per-pair
 * ratios new/base. Label-level operations as `palette bench` times them (minus the tokenizer):
 * encode_1 (the scale), decode_1_argmax, interpolate_2x11_argmax (encode scale and twinkle as one
 * batch, 11 lerp points, one argmax decode), sample_16_temp0_5 (16 z ~ N(0, I), T = 0.5).
 *
 * usage: java --add-modules jdk.incubator.vector PairedCalls.java BASE_DIR NEW_DIR CHECKPOINT [PAIRS [OPS]]
 * (BASE_DIR, NEW_DIR: project roots whose app/target/lib holds the jars; OPS: comma-separated names, default all;
 * -Dpalette.inference.threads=N sets both builds' threads; with N = 1, -Dpaired.clock=cpu times each call by
 * the calling thread's CPU time, which time slicing on a loaded machine does not inflate)
 */
public class PairedCalls {

    static final int[] SCALE = {41, 0, 43, 0, 45, 0, 46, 0, 48, 0, 50, 0, 52, 0, 53, 0, 52, 0, 50, 0, 48, 0, 46, 0,
        45, 0, 43, 0, 41, 0, 0, 0};
    static final int[] TWINKLE = {41, 0, 0, 0, 41, 0, 0, 0, 48, 0, 0, 0, 48, 0, 0, 0, 50, 0, 0, 0, 50, 0, 0, 0, 48, 0,
        0, 0, 0, 0, 0, 0};

    /** One build's model, called through method handles of its own classes. */
    static final class Build {
        final String name;
        final Object model;
        final MethodHandle encode;
        final MethodHandle decode;
        final Object argmax;
        final Object half;

        Build(String name, Path root, Path checkpoint) throws Throwable {
            this.name = name;
            List<URL> urls = new ArrayList<>();
            try (Stream<Path> jars = Files.list(root.resolve("app/target/lib"))) {
                for (Path jar : jars.sorted().toList()) {
                    urls.add(jar.toUri().toURL());
                }
            }
            ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
            Class<?> modelClass = loader.loadClass("org.melodypalette.model.infer.InferenceModel");
            Class<?> options = loader.loadClass("org.melodypalette.model.api.DecodeOptions");
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            this.model = lookup.findStatic(modelClass, "load", MethodType.methodType(modelClass, Path.class))
                    .invoke(checkpoint);
            this.encode = lookup.findVirtual(modelClass, "encode", MethodType.methodType(float[][].class, int[][].class))
                    .bindTo(model);
            this.decode = lookup.findVirtual(modelClass, "decode",
                    MethodType.methodType(int[][].class, float[][].class, options)).bindTo(model);
            this.argmax = options.getField("ARGMAX").get(null);
            this.half = lookup.findStatic(options, "sampling", MethodType.methodType(options, double.class, long.class))
                    .invoke(0.5, 1L);
            lookup.findVirtual(modelClass, "warmUp", MethodType.methodType(void.class)).invoke(model);
        }

        float[][] encode(int[][] labels) throws Throwable {
            return (float[][]) encode.invoke(labels);
        }

        int[][] decode(float[][] z, Object options) throws Throwable {
            return (int[][]) decode.invoke(z, options);
        }
    }

    interface Op {
        void run(Build b) throws Throwable;
    }

    public static void main(String[] args) throws Throwable {
        Path checkpoint = Path.of(args[2]);
        int pairs = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        only = args.length > 4 ? List.of(args[4].split(",")) : null;
        Build base = new Build("base", Path.of(args[0]), checkpoint);
        Build fresh = new Build("new", Path.of(args[1]), checkpoint);
        float[][] z1 = base.encode(new int[][] {SCALE});
        Random random = new Random(0);
        float[][] z16 = new float[16][z1[0].length];
        for (float[] row : z16) {
            for (int i = 0; i < row.length; i++) {
                row[i] = (float) random.nextGaussian();
            }
        }
        System.out.printf("paired calls, %d pairs per op, %s clock, load average at start %s%n", pairs,
                CPU_CLOCK ? "thread CPU" : "wall", Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.printf("%-26s %10s %10s %12s %s%n", "operation", "base ms", "new ms", "new/base",
                "(medians; ratio = median of per-pair ratios, its quartiles)");
        run("encode_1", pairs, base, fresh, b -> b.encode(new int[][] {SCALE}));
        run("decode_1_argmax", pairs, base, fresh, b -> b.decode(z1, b.argmax));
        run("interpolate_2x11_argmax", pairs, base, fresh, b -> {
            float[][] ends = b.encode(new int[][] {SCALE, TWINKLE});
            float[][] path = new float[11][ends[0].length];
            for (int p = 0; p < 11; p++) {
                float r = p / 10f;
                for (int i = 0; i < ends[0].length; i++) {
                    path[p][i] = r * (ends[1][i] - ends[0][i]) + ends[0][i];
                }
            }
            b.decode(path, b.argmax);
        });
        run("sample_16_temp0_5", pairs, base, fresh, b -> b.decode(z16, b.half));
        System.out.printf("load average at end %s%n", Files.readString(Path.of("/proc/loadavg")).trim());
        System.exit(0);
    }

    static List<String> only;

    static void run(String name, int pairs, Build a, Build b, Op op) throws Throwable {
        if (only != null && !only.contains(name)) {
            return;
        }
        for (Build build : new Build[] {a, b}) {
            long until = System.nanoTime() + 1_000_000_000L;
            do {
                op.run(build);
            } while (System.nanoTime() < until);
        }
        double[] ta = new double[pairs];
        double[] tb = new double[pairs];
        double[] ratio = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            Build first = i % 2 == 0 ? a : b;
            Build second = first == a ? b : a;
            double t1 = time(op, first);
            double t2 = time(op, second);
            ta[i] = first == a ? t1 : t2;
            tb[i] = first == a ? t2 : t1;
            ratio[i] = tb[i] / ta[i];
        }
        Arrays.sort(ta);
        Arrays.sort(tb);
        Arrays.sort(ratio);
        System.out.printf("%-26s %10.2f %10.2f %12.2f (%.2f-%.2f)%n", name, ta[pairs / 2], tb[pairs / 2],
                ratio[pairs / 2], ratio[pairs / 4], ratio[3 * pairs / 4]);
    }

    static final boolean CPU_CLOCK = "cpu".equals(System.getProperty("paired.clock"));
    static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    static long now() {
        return CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    static double time(Op op, Build build) throws Throwable {
        long start = now();
        op.run(build);
        return (now() - start) / 1e6;
    }
}
