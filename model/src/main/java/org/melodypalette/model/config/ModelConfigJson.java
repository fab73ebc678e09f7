package org.melodypalette.model.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.melodypalette.files.BoundedFiles;

/** {@link ModelConfig} ↔ the JSON stored as {@code config.json} in our checkpoints. */
public final class ModelConfigJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    /** What Jackson puts in a location's text when it may not quote the input; says nothing to a user. */
    private static final String REDACTED_SOURCE =
            "Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ";

    /** Largest {@code config.json} read; real ones are under 2 kB. */
    public static final int MAX_FILE_BYTES = 1 << 20;

    private ModelConfigJson() {
    }

    public static byte[] toJson(ModelConfig config) {
        try {
            return JSON.writeValueAsBytes(config);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + config.name(), e);
        }
    }

    /**
     * Parses and validates. Any problem is an {@link IOException} with a one-line message: what is
     * wrong (a validation message, or Jackson's without its internals) and the line and column.
     */
    public static ModelConfig fromJson(byte[] json) throws IOException {
        ModelConfig config;
        try {
            config = JSON.readValue(json, ModelConfig.class);
        } catch (JsonProcessingException e) {
            throw new IOException(oneLine(problem(e)), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(oneLine(e.getMessage()), e);
        }
        if (config == null) {
            throw new IOException("the config is JSON null, not an object");
        }
        return config;
    }

    /**
     * Reads and validates a {@code config.json} of at most {@value #MAX_FILE_BYTES} bytes (a regular
     * file only); any problem is one {@link IOException} "FILE: not a usable model config: …".
     */
    public static ModelConfig read(Path file) throws IOException {
        try {
            return fromJson(BoundedFiles.read(file, MAX_FILE_BYTES));
        } catch (BoundedFiles.Refused e) {
            throw new IOException(file + ": not a usable model config: it " + e.problem(), e);
        } catch (NoSuchFileException e) {
            throw new IOException(file + ": not a usable model config: the file does not exist", e);
        } catch (IOException e) {
            throw new IOException(file + ": not a usable model config: " + e.getMessage(), e);
        }
    }

    /** Line breaks and other control characters (echoed from the input) escaped, e.g. {@code \n}. */
    static String oneLine(String message) {
        StringBuilder line = new StringBuilder(message.length());
        message.codePoints().forEach(c -> {
            if (c == '\n') {
                line.append("\\n");
            } else if (c == '\r') {
                line.append("\\r");
            } else if (Character.isISOControl(c)) {
                line.append(String.format("\\u%04X", c));
            } else {
                line.appendCodePoint(c);
            }
        });
        return line.toString();
    }

    static String problem(JsonProcessingException e) {
        Throwable cause = e.getCause();
        String what = cause instanceof IllegalArgumentException ? cause.getMessage()
                : cause instanceof NullPointerException ? "a required field is null"
                : e.getOriginalMessage().replace(REDACTED_SOURCE, "");
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 0 ? what
                : what + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
