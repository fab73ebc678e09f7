package org.melodypalette.model.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * {@link ContinuationConfig} ↔ a continuation checkpoint's {@code config.json}: the record's fields
 * after {@code "type": "continuation"}, which tells it apart from a MusicVAE {@code config.json}.
 */
public final class ContinuationConfigJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
    private static final String TYPE_FIELD = "type";

    private ContinuationConfigJson() {
    }

    public static byte[] toJson(ContinuationConfig config) {
        ObjectNode tree = JSON.createObjectNode();
        tree.put(TYPE_FIELD, ContinuationConfig.TYPE);
        tree.setAll((ObjectNode) JSON.valueToTree(config));
        try {
            return JSON.writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + config.name(), e);
        }
    }

    /** Whether a parsed {@code config.json} is a continuation model's. */
    public static boolean isContinuation(JsonNode tree) {
        return tree != null && ContinuationConfig.TYPE.equals(tree.path(TYPE_FIELD).asText(null));
    }

    /** Parses and validates; any problem is an {@link IOException} with a one-line message. */
    public static ContinuationConfig fromJson(byte[] json) throws IOException {
        try {
            JsonNode tree = JSON.readTree(json);
            if (!isContinuation(tree)) {
                throw new IOException("not a continuation model's config (its \"type\" is not \""
                        + ContinuationConfig.TYPE + "\")");
            }
            ((ObjectNode) tree).remove(TYPE_FIELD);
            return JSON.treeToValue(tree, ContinuationConfig.class);
        } catch (JsonProcessingException e) {
            throw new IOException(ModelConfigJson.oneLine(ModelConfigJson.problem(e)), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(ModelConfigJson.oneLine(String.valueOf(e.getMessage())), e);
        }
    }
}
