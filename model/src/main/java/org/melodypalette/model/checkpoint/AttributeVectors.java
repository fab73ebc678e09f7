package org.melodypalette.model.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.melodypalette.files.AtomicFiles;
import org.melodypalette.files.BoundedFiles;

/**
 * The optional {@code attributes.json} of a checkpoint folder: named directions in latent space
 * (MusicVAE attribute vectors: mean z of windows with an attribute minus mean z of windows without,
 * e.g. note density or pitch height), which the workbench adds to a melody's z with a strength.
 *
 * <p>Format: one JSON object, each member a name and an array of exactly {@code zSize} finite
 * numbers, e.g. {@code {"note_density": [0.12, -0.5, ...], "pitch_height": [...]}}. Member order
 * is kept (it is the order shown to users). Names are non-blank.
 */
public final class AttributeVectors {

    public static final String FILE_NAME = "attributes.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AttributeVectors() {
    }

    /** The folder's attribute vectors by name, in file order; empty when it has no {@value #FILE_NAME}. */
    public static Map<String, float[]> read(Path dir, int zSize) throws CheckpointException {
        Path file = dir.resolve(FILE_NAME);
        JsonNode root;
        try {
            root = JSON.readTree(BoundedFiles.read(file, 64 << 20));
        } catch (BoundedFiles.Refused e) {
            throw new CheckpointException(e.file(), e.problem());
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (JsonProcessingException e) {
            throw new CheckpointException(file, "malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            if (!Files.exists(file)) {
                return Map.of();
            }
            throw new CheckpointException(file, "cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new CheckpointException(file, "expected a JSON object {\"name\": [" + zSize + " numbers], ...}");
        }
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            vectors.put(e.getKey(), vector(file, e.getKey(), e.getValue(), zSize));
        }
        return vectors;
    }

    /** Writes the vectors (all of one size) as {@value #FILE_NAME}, atomically. */
    public static void write(Path dir, Map<String, float[]> vectors) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        int size = -1;
        for (Map.Entry<String, float[]> e : vectors.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("attribute names must not be blank");
            }
            if (size >= 0 && e.getValue().length != size) {
                throw new IllegalArgumentException("attribute " + e.getKey() + " has " + e.getValue().length
                        + " values, the others " + size);
            }
            size = e.getValue().length;
            ArrayNode array = root.putArray(e.getKey());
            for (float v : e.getValue()) {
                if (!Float.isFinite(v)) {
                    throw new IllegalArgumentException("attribute " + e.getKey() + " holds " + v);
                }
                array.add(v);
            }
        }
        AtomicFiles.write(dir.resolve(FILE_NAME), JSON.writeValueAsBytes(root));
    }

    private static float[] vector(Path file, String name, JsonNode array, int zSize) throws CheckpointException {
        if (name.isBlank()) {
            throw new CheckpointException(file, "an attribute has a blank name");
        }
        if (!array.isArray() || array.size() != zSize) {
            throw new CheckpointException(file, "attribute '" + name + "' must be an array of " + zSize
                    + " numbers (the model's z size), got " + (array.isArray() ? array.size() + " values" : array.getNodeType()));
        }
        float[] v = new float[zSize];
        for (int i = 0; i < zSize; i++) {
            JsonNode x = array.get(i);
            if (!x.isNumber() || !Float.isFinite((float) x.asDouble())) {
                throw new CheckpointException(file, "attribute '" + name + "' value " + i + " is " + x
                        + ", not a finite number");
            }
            v[i] = (float) x.asDouble();
        }
        return v;
    }
}
