package org.melodypalette.model.checkpoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.files.BoundedFiles;

/**
 * The magenta.js / TF.js weights format: {@code weights_manifest.json} lists groups of shard files
 * and the variables laid out back to back in manifest order across the concatenated shards.
 * float32 is 4 bytes little endian; quantized entries store uint8/uint16 and dequantize as
 * {@code float32(q · scale + min)} computed in double, exactly as tfjs does.
 *
 * <p>Reading checks every size against the manifest and the shard files before allocating, and
 * refuses paths that leave the folder, unknown dtypes and non-finite values.
 */
public final class WeightsManifest {

    public static final String FILE_NAME = "weights_manifest.json";
    /** Shard size magenta.js's converter uses. */
    static final int SHARD_BYTES = 4 * 1024 * 1024;
    /** Largest checkpoint we agree to read (the biggest Magenta melody model is about 0.5 GB). */
    static final long MAX_TOTAL_BYTES = 2L * 1024 * 1024 * 1024;
    private static final int MAX_RANK = 4;
    private static final int MAX_MANIFEST_BYTES = 16 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What Jackson puts in a location's text when it may not quote the input; says nothing to a user. */
    private static final String REDACTED_SOURCE =
            "Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ";

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Group(List<String> paths, List<Entry> weights) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(String name, List<Integer> shape, String dtype, Quantization quantization) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Quantization(String dtype, double min, double scale) {
    }

    private WeightsManifest() {
    }

    /** Reads every float32 (or quantized) variable of the folder's manifest. */
    public static WeightSet read(Path dir) throws CheckpointException {
        return read(dir, name -> true);
    }

    /**
     * Reads the variables whose names {@code wanted} accepts and skips the bytes of the others
     * (e.g. {@code encoder/sigma/*} or cuDNN {@code opaque_kernel}s an inference model never uses).
     * Every size is still checked against the shards.
     */
    public static WeightSet read(Path dir, Predicate<String> wanted) throws CheckpointException {
        Path manifestFile = dir.resolve(FILE_NAME);
        List<Group> groups = parseManifest(manifestFile);
        long[] groupBytes = new long[groups.size()];
        long declared = 0;
        for (int g = 0; g < groups.size(); g++) { // every group's size before reading any
            groupBytes[g] = declaredBytes(manifestFile, groups.get(g));
            declared += groupBytes[g];
            if (declared > MAX_TOTAL_BYTES) {
                throw tooLarge(manifestFile);
            }
        }
        List<WeightTensor> tensors = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            tensors.addAll(readGroup(dir, manifestFile, groups.get(g), groupBytes[g], wanted));
        }
        try {
            return new WeightSet(tensors);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(manifestFile, e.getMessage());
        }
    }

    /**
     * Every variable's name and shape in manifest order, read from the manifest alone (no shard is
     * opened): lets a loader check a checkpoint's architecture before reading megabytes of weights.
     */
    public static Map<String, int[]> shapes(Path dir) throws CheckpointException {
        Path manifestFile = dir.resolve(FILE_NAME);
        Map<String, int[]> shapes = new LinkedHashMap<>();
        for (Group group : parseManifest(manifestFile)) {
            if (group == null || group.weights() == null) {
                throw new CheckpointException(manifestFile, "a weight group needs 'paths' and 'weights'");
            }
            for (Entry entry : group.weights()) {
                elementCount(manifestFile, entry);
                int[] shape = entry.shape().stream().mapToInt(Integer::intValue).toArray();
                if (shapes.put(entry.name(), shape) != null) {
                    throw new CheckpointException(manifestFile, "variable " + entry.name() + " appears twice");
                }
            }
        }
        return shapes;
    }

    /**
     * Writes the weights as float32 in 4 MB shards {@code group1-shardKofN} and the manifest, each
     * file atomically, the manifest last (a reader never sees a manifest without its shards).
     * Returns the shard file names.
     */
    public static List<String> write(Path dir, WeightSet weights) throws IOException {
        long total = 4L * weights.parameterCount();
        int shardCount = (int) Math.max(1, (total + SHARD_BYTES - 1) / SHARD_BYTES);
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(total)).order(ByteOrder.LITTLE_ENDIAN);
        List<Entry> entries = new ArrayList<>();
        for (WeightTensor t : weights.tensors()) {
            all.asFloatBuffer().put(t.values());
            all.position(all.position() + 4 * t.values().length);
            entries.add(new Entry(t.name(), Arrays.stream(t.shape()).boxed().toList(), "float32", null));
        }
        byte[] bytes = all.array();
        List<String> paths = new ArrayList<>();
        for (int k = 0; k < shardCount; k++) {
            String name = "group1-shard" + (k + 1) + "of" + shardCount;
            int from = k * SHARD_BYTES;
            int to = (int) Math.min(total, (long) from + SHARD_BYTES);
            AtomicFiles.write(dir.resolve(name), Arrays.copyOfRange(bytes, from, to));
            paths.add(name);
        }
        AtomicFiles.write(dir.resolve(FILE_NAME),
                JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(List.of(new Group(paths, entries))));
        return paths;
    }

    /** The shard file names the folder's manifest lists, in order (nothing else is checked). */
    public static List<String> shardNames(Path dir) throws CheckpointException {
        List<String> names = new ArrayList<>();
        for (Group group : parseManifest(dir.resolve(FILE_NAME))) {
            if (group != null && group.paths() != null) {
                names.addAll(group.paths());
            }
        }
        return names;
    }

    private static List<Group> parseManifest(Path manifestFile) throws CheckpointException {
        byte[] json;
        try {
            json = BoundedFiles.read(manifestFile, MAX_MANIFEST_BYTES);
        } catch (BoundedFiles.Refused e) {
            throw new CheckpointException(e.file(), e.problem());
        } catch (NoSuchFileException e) {
            throw new CheckpointException(manifestFile.getParent(),
                    "not a checkpoint folder: " + FILE_NAME + " is missing");
        } catch (IOException e) {
            throw new CheckpointException(manifestFile, "cannot read: " + e.getMessage(), e);
        }
        Group[] groups;
        try {
            groups = JSON.readValue(json, Group[].class);
        } catch (MismatchedInputException e) {
            String problem = e.getPath().isEmpty() ? "the manifest must be a JSON array of weight groups"
                    : "malformed manifest JSON: " + describe(e);
            throw new CheckpointException(manifestFile, problem);
        } catch (JsonProcessingException e) {
            throw new CheckpointException(manifestFile, "malformed manifest JSON: " + describe(e));
        } catch (IOException e) {
            throw new CheckpointException(manifestFile, "cannot read: " + e.getMessage(), e);
        }
        if (groups == null || groups.length == 0) {
            throw new CheckpointException(manifestFile, "manifest lists no weight groups");
        }
        return Arrays.asList(groups); // may hold nulls, which readGroup reports
    }

    /** Jackson's message on one line, without its redacted-source note, and where the problem is. */
    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage().replace(REDACTED_SOURCE, "");
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? message
                : message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** The bytes a group's variables take in its shards; fails over {@link #MAX_TOTAL_BYTES}. */
    private static long declaredBytes(Path manifestFile, Group group) throws CheckpointException {
        if (group == null || group.paths() == null || group.weights() == null || group.paths().isEmpty()
                || group.weights().isEmpty()) {
            throw new CheckpointException(manifestFile, "a weight group needs 'paths' and 'weights'");
        }
        long declared = 0;
        for (Entry entry : group.weights()) {
            declared += byteSize(manifestFile, entry);
            if (declared > MAX_TOTAL_BYTES) {
                throw tooLarge(manifestFile);
            }
        }
        return declared;
    }

    private static CheckpointException tooLarge(Path manifestFile) {
        return new CheckpointException(manifestFile, "declares more than "
                + (MAX_TOTAL_BYTES >> 20) + " MB of weights; refusing to load");
    }

    private static List<WeightTensor> readGroup(Path dir, Path manifestFile, Group group, long declared,
                                                Predicate<String> wanted) throws CheckpointException {
        List<Path> shards = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        long available = 0;
        for (String name : group.paths()) {
            Path shard = shardPath(dir, manifestFile, name);
            try {
                sizes.add(BoundedFiles.regularSize(shard));
            } catch (BoundedFiles.Refused e) {
                throw new CheckpointException(shard, "weight shard " + e.problem());
            } catch (IOException e) {
                throw new CheckpointException(shard, "weight shard is missing or unreadable");
            }
            available += sizes.get(sizes.size() - 1);
            shards.add(shard);
        }
        if (available != declared) {
            throw new CheckpointException(manifestFile, "shards hold " + available
                    + " bytes but the manifest declares " + declared + " (truncated or mismatched checkpoint)");
        }
        ShardStream shardStream = new ShardStream(shards, sizes);
        List<WeightTensor> tensors = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(shardStream, 1 << 16))) {
            long offset = 0;
            for (Entry entry : group.weights()) {
                if (wanted.test(entry.name())) {
                    tensors.add(readTensor(in, manifestFile, entry, shardStream, offset));
                } else {
                    in.skipNBytes(byteSize(manifestFile, entry));
                }
                offset += byteSize(manifestFile, entry);
            }
        } catch (IOException e) {
            if (e instanceof CheckpointException ce) {
                throw ce;
            }
            throw new CheckpointException(shardStream.current(), "cannot read weight shard: " + e.getMessage(), e);
        }
        return tensors;
    }

    private static WeightTensor readTensor(DataInputStream in, Path manifestFile, Entry entry, ShardStream shards,
                                           long offset) throws IOException {
        int[] shape = entry.shape().stream().mapToInt(Integer::intValue).toArray();
        int count = Math.toIntExact(elementCount(manifestFile, entry));
        int width = bytesPerElement(manifestFile, entry);
        byte[] raw = new byte[count * width];
        in.readFully(raw);
        ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[count];
        if (entry.quantization() == null) {
            buffer.asFloatBuffer().get(values);
        } else {
            double min = entry.quantization().min();
            double scale = entry.quantization().scale();
            for (int i = 0; i < count; i++) {
                int q = width == 1 ? Byte.toUnsignedInt(buffer.get(i)) : Short.toUnsignedInt(buffer.getShort(2 * i));
                values[i] = (float) (q * scale + min);
            }
        }
        for (int i = 0; i < count; i++) {
            if (!Float.isFinite(values[i])) {
                throw new CheckpointException(manifestFile, "variable " + entry.name() + " holds a non-finite value ("
                        + values[i] + ") at index " + i + ", in shard "
                        + shards.shardAt(offset + (long) i * width).getFileName());
            }
        }
        return new WeightTensor(entry.name(), shape, values);
    }

    private static long byteSize(Path manifestFile, Entry entry) throws CheckpointException {
        long count = elementCount(manifestFile, entry); // checks the entry's fields first
        return count * bytesPerElement(manifestFile, entry);
    }

    private static long elementCount(Path manifestFile, Entry entry) throws CheckpointException {
        if (entry == null || entry.name() == null || entry.shape() == null || entry.dtype() == null) {
            throw new CheckpointException(manifestFile, "a weight entry needs 'name', 'shape' and 'dtype'");
        }
        if (entry.name().isBlank()) {
            throw new CheckpointException(manifestFile, "a weight entry has a blank name");
        }
        if (entry.shape().size() > MAX_RANK) {
            throw new CheckpointException(manifestFile, "variable " + entry.name() + " has rank "
                    + entry.shape().size() + " (at most " + MAX_RANK + ")");
        }
        long count = 1;
        for (Integer d : entry.shape()) {
            if (d == null || d < 1) {
                throw new CheckpointException(manifestFile, "variable " + entry.name() + " has shape "
                        + entry.shape() + " with a non-positive dimension");
            }
            count *= d;
            if (count > Integer.MAX_VALUE / 4) {
                throw new CheckpointException(manifestFile, "variable " + entry.name() + " with shape "
                        + entry.shape() + " is too large");
            }
        }
        return count;
    }

    /** Bytes per stored element: 4 for float32, 1 or 2 for quantized uint8 / uint16. */
    private static int bytesPerElement(Path manifestFile, Entry entry) throws CheckpointException {
        Quantization quantization = entry.quantization();
        if (quantization == null) {
            if ("float32".equals(entry.dtype())) {
                return 4;
            }
            throw new CheckpointException(manifestFile, "variable " + entry.name() + " has unsupported dtype '"
                    + entry.dtype() + "' (float32, or quantized uint8/uint16)");
        }
        if ("uint8".equals(quantization.dtype())) {
            return 1;
        }
        if ("uint16".equals(quantization.dtype())) {
            return 2;
        }
        throw new CheckpointException(manifestFile, "variable " + entry.name() + " is quantized as '"
                + quantization.dtype() + "' (quantized weights are uint8 or uint16)");
    }

    /** A shard named by the manifest, which must be a plain file name inside the folder. */
    private static Path shardPath(Path dir, Path manifestFile, String name) throws CheckpointException {
        if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\")
                || name.equals(".") || name.equals("..")) {
            throw new CheckpointException(manifestFile, "shard path '" + name + "' must be a file name inside the folder");
        }
        try {
            return dir.resolve(name);
        } catch (InvalidPathException e) {
            throw new CheckpointException(manifestFile, "shard path '" + name.replace("\0", "\\0")
                    + "' is not a valid file name");
        }
    }

    /** A group's shards read back to back; knows which shard it is in, so errors can name it. */
    private static final class ShardStream extends InputStream {
        private final List<Path> shards;
        private final List<Long> sizes;
        private int index = -1;
        private InputStream current;

        ShardStream(List<Path> shards, List<Long> sizes) {
            this.shards = shards;
            this.sizes = sizes;
        }

        /** The shard being read (the first before any byte is read). */
        Path current() {
            return shards.get(Math.max(0, Math.min(index, shards.size() - 1)));
        }

        /** The shard holding the group's byte at {@code offset}. */
        Path shardAt(long offset) {
            long end = 0;
            for (int k = 0; k < shards.size(); k++) {
                end += sizes.get(k);
                if (offset < end) {
                    return shards.get(k);
                }
            }
            return shards.get(shards.size() - 1);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            while (true) {
                if (current == null) {
                    if (index + 1 >= shards.size()) {
                        return -1;
                    }
                    index++;
                    current = BoundedFiles.open(shards.get(index), sizes.get(index));
                }
                int n = current.read(buffer, offset, length);
                if (n >= 0 || length == 0) {
                    return n;
                }
                current.close();
                current = null;
            }
        }

        @Override
        public void close() throws IOException {
            if (current != null) {
                current.close();
            }
        }
    }
}
