package org.melodypalette.model.train;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.files.BoundedFiles;
import org.melodypalette.model.backprop.ParameterBlocks;
import org.melodypalette.model.backprop.ParameterThreads;
import org.melodypalette.model.checkpoint.CheckpointException;

/**
 * TF's Adam as Magenta uses it ({@code tf.train.AdamOptimizer}, β1 0.9, β2 0.999, ε 1e-8):
 * <pre>
 * t = t + 1;  m = β1·m + (1−β1)·g;  v = β2·v + (1−β2)·g²
 * p = p − lr·√(1−β2^t)/(1−β1^t) · m / (√v + ε)
 * </pre>
 * One update streams once over the parameters: the gradient (times the clipping scale) and the
 * parameter are read, the moments and the parameter written, in one loop of float32 operations in
 * the order above (each rounded as TF rounds them, without fused multiply-adds). The moments live on
 * the Java heap as float arrays, as the hand-written step's parameters do; the update is elementwise,
 * so the shard threads each run it on their own {@link ParameterBlocks} with the same result.
 * Its state (t and the float32 moments) is saved apart from the weights, in
 * {@code optimizer_state.bin}: the bytes {@code MPADAM1\n}, a little-endian int32 header length,
 * a JSON header ({@code updates}, hyperparameters, and the tensors as name, slot m|v, shape, in
 * file order), then every tensor as little-endian float32, row-major.
 */
public final class AdamOptimizer {

    public static final String FILE_NAME = "optimizer_state.bin";
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;
    private static final byte[] MAGIC = "MPADAM1\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEADER_BYTES = 1 << 20;
    /** Two float32 moments per parameter of the largest checkpoint read (WeightsManifest's limit), plus the header. */
    private static final long MAX_FILE_BYTES = 2 * (2L << 30) + (2 << 20);
    private static final ObjectMapper JSON = new ObjectMapper();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Header(long updates, double beta1, double beta2, double epsilon, List<TensorEntry> tensors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TensorEntry(String name, String slot, List<Long> shape) {
    }

    private final Map<String, long[]> shapes;
    private final Map<String, float[]> firstMoments;
    private final Map<String, float[]> secondMoments;
    private long updates;

    private AdamOptimizer(Map<String, long[]> shapes, Map<String, float[]> firstMoments,
                          Map<String, float[]> secondMoments, long updates) {
        this.shapes = shapes;
        this.firstMoments = firstMoments;
        this.secondMoments = secondMoments;
        this.updates = updates;
    }

    /** Zero moments for variables of the given shapes (in order). */
    public static AdamOptimizer fresh(Map<String, long[]> shapes) {
        Map<String, float[]> m = new LinkedHashMap<>();
        Map<String, float[]> v = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> {
            m.put(name, new float[Math.toIntExact(product(shape))]);
            v.put(name, new float[Math.toIntExact(product(shape))]);
        });
        return new AdamOptimizer(new LinkedHashMap<>(shapes), m, v, 0);
    }

    /** Updates applied so far (TF's t). */
    public long updates() {
        return updates;
    }

    /**
     * Counts one more update (TF's t) and returns its step size {@code lr·√(1−β2^t)/(1−β1^t)} as the
     * float32 the update multiplies by; then {@link #update} applies it, block by block.
     */
    public float nextStepSize(double learningRate) {
        updates++;
        return (float) (learningRate * Math.sqrt(1 - Math.pow(BETA2, updates)) / (1 - Math.pow(BETA1, updates)));
    }

    /**
     * The update of {@link #nextStepSize} on the parameters of {@code blocks}, in place, each gradient
     * taken times {@code gradientScale} (global-norm clipping; 1 leaves it exact). Threads may run it at
     * once on disjoint blocks.
     *
     * @param parameters every variable by name, row-major
     * @param gradients  their gradients, the same names and sizes
     */
    public void update(Map<String, float[]> parameters, Map<String, float[]> gradients,
                       List<ParameterBlocks.Block> blocks, float gradientScale, float stepSize) {
        for (ParameterBlocks.Block b : blocks) {
            String name = b.name();
            update(parameters.get(name), gradients.get(name), firstMoments.get(name), secondMoments.get(name),
                    b.from(), b.to(), gradientScale, stepSize);
        }
    }

    /**
     * One update of {@code parameters} in place, each thread of {@code threads} updating its own blocks:
     * the same result on any number of threads.
     */
    public void update(ParameterThreads threads, Map<String, float[]> parameters, Map<String, float[]> gradients,
                       float gradientScale, double learningRate) {
        float stepSize = nextStepSize(learningRate);
        threads.forEachParameterSlice(blocks -> update(parameters, gradients, blocks, gradientScale, stepSize));
    }

    /**
     * One update of every parameter in place, on the calling thread, each gradient taken times
     * {@code gradientScale}: the SameDiff graph's step, on float copies of its variables.
     */
    public void update(Map<String, float[]> parameters, Map<String, float[]> gradients, float gradientScale,
                       double learningRate) {
        float step = nextStepSize(learningRate);
        for (Map.Entry<String, float[]> e : firstMoments.entrySet()) {
            String name = e.getKey();
            float[] p = parameters.get(name);
            update(p, gradients.get(name), e.getValue(), secondMoments.get(name), 0, p.length, gradientScale, step);
        }
    }

    /**
     * One Adam update of {@code p[from, to)} in place, with the moments {@code m}, {@code v} (all the
     * same length) and the gradient {@code g·gradientScale}.
     */
    static void update(float[] p, float[] g, float[] m, float[] v, int from, int to, float gradientScale,
                       float step) {
        float beta1 = (float) BETA1;
        float beta2 = (float) BETA2;
        float gradientWeight = (float) (1 - BETA1);
        float squareWeight = (float) (1 - BETA2);
        float epsilon = (float) EPSILON;
        for (int i = from; i < to; i++) {
            float gi = g[i] * gradientScale;
            float mi = m[i] * beta1 + gi * gradientWeight;
            float vi = v[i] * beta2 + (gi * gi) * squareWeight;
            m[i] = mi;
            v[i] = vi;
            p[i] -= (mi * step) / ((float) Math.sqrt(vi) + epsilon);
        }
    }

    /** The first non-finite (or negative second) moment, as "NAME/m holds …", or null when all are sound. */
    String firstUnsoundMoment() {
        for (String name : firstMoments.keySet()) {
            String m = FiniteValues.problem(firstMoments.get(name), false);
            if (m != null) {
                return name + "/m " + m;
            }
            String v = FiniteValues.problem(secondMoments.get(name), true);
            if (v != null) {
                return name + "/v " + v;
            }
        }
        return null;
    }

    /** Writes the state atomically. */
    public void write(Path file) throws IOException {
        List<TensorEntry> entries = new ArrayList<>();
        long floats = 0;
        for (String name : firstMoments.keySet()) {
            List<Long> shape = Arrays.stream(shapes.get(name)).boxed().toList();
            entries.add(new TensorEntry(name, "m", shape));
            entries.add(new TensorEntry(name, "v", shape));
            floats += 2L * firstMoments.get(name).length;
        }
        byte[] header = JSON.writeValueAsBytes(new Header(updates, BETA1, BETA2, EPSILON, entries));
        ByteBuffer body = ByteBuffer.allocate(Math.toIntExact(4 * floats)).order(ByteOrder.LITTLE_ENDIAN);
        for (TensorEntry entry : entries) {
            float[] values = (entry.slot().equals("m") ? firstMoments : secondMoments).get(entry.name());
            body.asFloatBuffer().put(values);
            body.position(body.position() + 4 * values.length);
        }
        ByteBuffer length = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, header.length);
        AtomicFiles.write(file, out -> {
            out.write(MAGIC);
            out.write(length.array());
            out.write(header);
            out.write(body.array());
        });
    }

    /**
     * Reads a state written by {@link #write} and checks it against the model's variables; sizes are
     * checked against the file before anything is allocated.
     */
    public static AdamOptimizer read(Path file, Map<String, long[]> shapes) throws CheckpointException {
        try (InputStream in = BoundedFiles.open(file, MAX_FILE_BYTES)) {
            long size = BoundedFiles.regularSize(file);
            DataInputStream data = new DataInputStream(in);
            byte[] magic = new byte[MAGIC.length];
            data.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new CheckpointException(file, "not an optimizer state file (bad magic)");
            }
            byte[] lengthBytes = new byte[4];
            data.readFully(lengthBytes);
            int headerLength = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getInt();
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > size) {
                throw new CheckpointException(file, "header length " + headerLength + " is invalid");
            }
            Header header = JSON.readValue(data.readNBytes(headerLength), Header.class);
            long floats = expectedFloats(file, header, shapes);
            if (size != MAGIC.length + 4L + headerLength + 4 * floats) {
                throw new CheckpointException(file, "holds " + size + " bytes but its header describes "
                        + (MAGIC.length + 4L + headerLength + 4 * floats) + " (truncated or mismatched)");
            }
            Map<String, float[]> m = new LinkedHashMap<>();
            Map<String, float[]> v = new LinkedHashMap<>();
            for (TensorEntry entry : header.tensors()) {
                long[] shape = shapes.get(entry.name());
                byte[] raw = new byte[Math.toIntExact(4 * product(shape))];
                data.readFully(raw);
                float[] values = new float[raw.length / 4];
                ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
                String problem = FiniteValues.problem(values, entry.slot().equals("v"));
                if (problem != null) {
                    throw new CheckpointException(file, "optimizer tensor " + entry.name() + "/" + entry.slot()
                            + " " + problem + "; the state is damaged");
                }
                (entry.slot().equals("m") ? m : v).put(entry.name(), values);
            }
            Map<String, float[]> mOrdered = new LinkedHashMap<>();
            Map<String, float[]> vOrdered = new LinkedHashMap<>();
            for (String name : shapes.keySet()) {
                mOrdered.put(name, m.get(name));
                vOrdered.put(name, v.get(name));
            }
            return new AdamOptimizer(new LinkedHashMap<>(shapes), mOrdered, vOrdered, header.updates());
        } catch (CheckpointException e) {
            throw e;
        } catch (BoundedFiles.Refused e) {
            throw new CheckpointException(file, e.problem());
        } catch (EOFException e) {
            throw new CheckpointException(file, "optimizer state is truncated");
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot read optimizer state: " + e.getMessage(), e);
        }
    }

    /** Every variable must appear once as m and once as v, with the model's shape. */
    private static long expectedFloats(Path file, Header header, Map<String, long[]> shapes)
            throws CheckpointException {
        if (header.tensors() == null || header.updates() < 0) {
            throw new CheckpointException(file, "header lacks tensors or has negative updates");
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        long floats = 0;
        for (TensorEntry entry : header.tensors()) {
            long[] shape = shapes.get(entry.name());
            if (shape == null || entry.shape() == null || !("m".equals(entry.slot()) || "v".equals(entry.slot()))) {
                throw new CheckpointException(file, "unexpected optimizer tensor " + entry.name() + "/" + entry.slot());
            }
            if (!Arrays.equals(entry.shape().stream().mapToLong(Long::longValue).toArray(), shape)) {
                throw new CheckpointException(file, "optimizer tensor " + entry.name() + " has shape " + entry.shape()
                        + ", the model has " + Arrays.toString(shape));
            }
            seen.merge(entry.name(), 1, Integer::sum);
            floats += product(shape);
        }
        for (String name : shapes.keySet()) {
            if (seen.getOrDefault(name, 0) != 2) {
                throw new CheckpointException(file, "optimizer state for " + name + " is missing or repeated");
            }
        }
        return floats;
    }

    private static long product(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
