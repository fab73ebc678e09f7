package org.melodypalette.app.workbench.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.melodypalette.model.api.ModelInfo;

/**
 * A model as a composer reads it: what it writes ("2-bar melodies") and what it learnt from
 * ("trained on pop and Irish tunes"), taken from the {@code Trained on:} line of the checkpoint's
 * {@code MODEL_CARD.md}. Folders without a card (a magenta.js checkpoint, a model trained here)
 * are described by their length and the name in their config.
 *
 * @param writes    what the model writes, e.g. "2-bar melodies"
 * @param trainedOn what it was trained on, e.g. "pop and Irish tunes", or null when unknown
 * @param name      the name in the model's config, e.g. "mel_2bar_cpu"
 */
public record ModelDescription(String writes, String trainedOn, String name) {

    /** The card file a checkpoint folder may carry. */
    public static final String CARD = "MODEL_CARD.md";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TRAINED_ON = Pattern.compile("(?im)^\\s*trained on:\\s*(.+?)\\.?\\s*$");

    public ModelDescription {
        if (writes == null || writes.isBlank()) {
            throw new IllegalArgumentException("a model description needs what the model writes");
        }
    }

    /** Describes the model {@code info} opened from {@code dir}; reads the card if there is one. */
    public static ModelDescription of(ModelInfo info, Path dir) {
        String trainedOn = null;
        Path card = dir == null ? null : dir.resolve(CARD);
        if (card != null && Files.isRegularFile(card)) {
            try {
                Matcher m = TRAINED_ON.matcher(Files.readString(card, StandardCharsets.UTF_8));
                if (m.find()) {
                    trainedOn = m.group(1).trim();
                }
            } catch (IOException | RuntimeException unreadable) {
                // A card is documentation: without it the model is described by its length alone.
            }
        }
        return new ModelDescription(info.bars() + "-bar melodies", trainedOn, info.name());
    }

    /**
     * Describes the checkpoint folder {@code dir} without opening the model, from its config's
     * {@code numSteps}, {@code stepsPerBar} and {@code name}; null when the config has none of them
     * (a magenta.js folder) or cannot be read.
     */
    public static ModelDescription ofFolder(Path dir) {
        try {
            JsonNode config = JSON.readTree(dir.resolve("config.json").toFile());
            int steps = config.path("numSteps").asInt(0);
            int perBar = config.path("stepsPerBar").asInt(0);
            if (steps <= 0 || perBar <= 0) {
                return null;
            }
            String name = config.path("name").asText(dir.getFileName().toString());
            return of(new ModelInfo(name, dir.toString(), steps, perBar, 1, 0, 127, List.of()), dir);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }

    /** "2-bar melodies · trained on pop and Irish tunes", or "2-bar melodies · mel_2bar_cpu". */
    public String text() {
        return writes + " · " + (trainedOn == null ? name : "trained on " + trainedOn);
    }

    /** The folder name and length, for messages about results: "mel_2bar (2 bars)". */
    public static String shortName(ModelInfo info, Path dir) {
        String folder = dir == null || dir.getFileName() == null ? info.name() : dir.getFileName().toString();
        return folder + " (" + ClipFit.bars(info.bars()) + ")";
    }
}
