package org.melodypalette.model.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/** {@link ModelConfig} ↔ the JSON stored as {@code config.json} in our checkpoints. */
public final class ModelConfigJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private ModelConfigJson() {
    }

    public static byte[] toJson(ModelConfig config) {
        try {
            return JSON.writeValueAsBytes(config);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + config.name(), e);
        }
    }

    /** Parses and validates; a bad field is an {@link IOException} with Jackson's location. */
    public static ModelConfig fromJson(byte[] json) throws IOException {
        try {
            return JSON.readValue(json, ModelConfig.class);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
