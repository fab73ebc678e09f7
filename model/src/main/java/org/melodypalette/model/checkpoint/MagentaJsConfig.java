package org.melodypalette.model.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.melodypalette.model.config.ModelConfig.DecoderKind;
import org.melodypalette.model.config.ModelConfig.EncoderKind;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.TrainingConfig;
import org.melodypalette.model.layers.MagentaVariables;
import org.melodypalette.music.TimeGrid;

/**
 * Derives a {@link ModelConfig} for a magenta.js checkpoint folder: sequence length and pitch range
 * from {@code config.json}'s {@code dataConverter.args}, everything else from the variable names and
 * kernel shapes of the manifest (flat or hierarchical encoder and decoder, layer counts and sizes,
 * z from {@code encoder/mu}).
 */
final class MagentaJsConfig {

    /** Magenta's melody converters use 16th notes in 4/4. */
    private static final int STEPS_PER_BAR = TimeGrid.SIXTEENTHS_4_4.stepsPerBar();

    private MagentaJsConfig() {
    }

    static boolean isMagentaJs(JsonNode config) {
        return config.has("type");
    }

    static ModelConfig derive(Path dir, Path configFile, JsonNode config, Map<String, int[]> shapes)
            throws CheckpointException {
        String type = config.path("type").asText("");
        if (!type.equals("MusicVAE")) {
            throw new CheckpointException(configFile, "type '" + type + "' is not a MusicVAE checkpoint");
        }
        JsonNode converter = config.path("dataConverter");
        String converterType = converter.path("type").asText("");
        if (!converterType.equals("MelodyConverter")) {
            throw new CheckpointException(configFile, "only melody models (dataConverter MelodyConverter) are "
                    + "supported; this one uses '" + converterType + "'");
        }
        if (config.has("chordEncoder") || converter.path("args").has("chordEncoder")) {
            throw new CheckpointException(configFile, "chord-conditioned models are not supported");
        }
        JsonNode args = converter.path("args");
        int numSteps = positiveInt(configFile, args, "numSteps", -1);
        int minPitch = positiveInt(configFile, args, "minPitch", -1);
        int maxPitch = positiveInt(configFile, args, "maxPitch", -1);
        int numSegments = positiveInt(configFile, args, "numSegments", 1);

        Shapes s = new Shapes(dir, shapes);
        if (shapes.keySet().stream().anyMatch(n -> n.startsWith("core_decoder/core_decoder_"))) {
            throw new CheckpointException(dir, "multi-track models (core_decoder/core_decoder_i) are not supported");
        }
        if (s.has(MagentaVariables.bias("decoder/hierarchical_level_1/initial_state"))) {
            throw new CheckpointException(dir, "decoders with more than one conductor level are not supported");
        }
        EncoderKind encoder;
        List<Integer> encoderSizes;
        if (s.has(MagentaVariables.bias(MagentaVariables.hierarchicalEncoderCell(0, true)))) {
            encoder = EncoderKind.HIERARCHICAL;
            encoderSizes = s.layers(level -> MagentaVariables.hierarchicalEncoderCell(level, true));
            if (encoderSizes.size() != 2) {
                throw new CheckpointException(dir, "the hierarchical encoder has " + encoderSizes.size()
                        + " levels; only 2 are supported");
            }
            if (s.has(MagentaVariables.bias("encoder/hierarchical_level_0/cell_1/bidirectional_rnn/fw/multi_rnn_cell/cell_0/lstm_cell"))) {
                throw new CheckpointException(dir, "hierarchical encoder levels with several layers are not supported");
            }
        } else {
            encoder = EncoderKind.FLAT;
            encoderSizes = s.layers(layer -> MagentaVariables.flatEncoderCell(layer, true));
            if (encoderSizes.isEmpty()) {
                throw new CheckpointException(dir, "no encoder variables: expected "
                        + MagentaVariables.bias(MagentaVariables.flatEncoderCell(0, true)) + " or the hierarchical "
                        + "encoder's encoder/hierarchical_level_0/...");
            }
        }
        int zSize = s.vectorSize(MagentaVariables.bias(MagentaVariables.MU));

        DecoderKind decoder = s.has(MagentaVariables.bias(MagentaVariables.CONDUCTOR_INITIAL_STATE))
                ? DecoderKind.HIERARCHICAL : DecoderKind.FLAT;
        List<Integer> conductorSizes = decoder == DecoderKind.HIERARCHICAL
                ? s.layers(MagentaVariables::conductorCell) : List.of();
        String scope = decoder == DecoderKind.HIERARCHICAL ? MagentaVariables.CORE_DECODER : MagentaVariables.FLAT_DECODER;
        List<Integer> decoderSizes = s.layers(layer -> MagentaVariables.decoderCell(scope, layer));
        if (decoderSizes.isEmpty()) {
            throw new CheckpointException(dir, "no decoder variables: expected "
                    + MagentaVariables.bias(MagentaVariables.decoderCell(scope, 0)));
        }
        boolean hierarchical = encoder == EncoderKind.HIERARCHICAL || decoder == DecoderKind.HIERARCHICAL;
        if (hierarchical && numSegments < 2) {
            throw new CheckpointException(configFile, "the checkpoint is hierarchical but dataConverter.args "
                    + "has no numSegments > 1");
        }
        int segments = hierarchical ? numSegments : 1;
        int stepsPerBar = segments > 1 ? numSteps / segments
                : numSteps % STEPS_PER_BAR == 0 ? STEPS_PER_BAR : numSteps;
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        try {
            return new ModelConfig(name, encoder, encoderSizes, decoder, decoderSizes, conductorSizes, zSize,
                    numSteps, stepsPerBar, segments, minPitch, maxPitch, TrainingConfig.MAGENTA_DEFAULT);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(configFile, "unsupported dataConverter settings: " + e.getMessage());
        }
    }

    private static int positiveInt(Path configFile, JsonNode args, String field, int fallback)
            throws CheckpointException {
        JsonNode value = args.get(field);
        if (value == null || value.isNull()) {
            if (fallback < 0) {
                throw new CheckpointException(configFile, "dataConverter.args." + field + " is missing");
            }
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.intValue() < 0) {
            throw new CheckpointException(configFile, "dataConverter.args." + field + " is " + value
                    + ", expected a non-negative integer");
        }
        return value.intValue();
    }

    /** The manifest's shapes with the lookups the derivation needs. */
    private record Shapes(Path dir, Map<String, int[]> shapes) {

        boolean has(String name) {
            return shapes.containsKey(name);
        }

        /** Length of a rank-1 variable. */
        int vectorSize(String name) throws CheckpointException {
            int[] shape = shapes.get(name);
            if (shape == null) {
                throw new CheckpointException(dir, "missing variable " + name);
            }
            if (shape.length != 1) {
                throw new CheckpointException(dir, "variable " + name + " has shape " + Arrays.toString(shape)
                        + ", expected a vector");
            }
            return shape[0];
        }

        /** Hidden sizes of the LSTM layers {@code scopeOf(0), scopeOf(1), ...} that exist (bias = 4H). */
        List<Integer> layers(IntFunction<String> scopeOf) throws CheckpointException {
            List<Integer> sizes = new ArrayList<>();
            for (int k = 0; has(MagentaVariables.bias(scopeOf.apply(k))); k++) {
                String bias = MagentaVariables.bias(scopeOf.apply(k));
                int gates = vectorSize(bias);
                if (gates % 4 != 0) {
                    throw new CheckpointException(dir, "variable " + bias + " has " + gates
                            + " entries, not 4 gates of equal size");
                }
                sizes.add(gates / 4);
            }
            return sizes;
        }
    }
}
