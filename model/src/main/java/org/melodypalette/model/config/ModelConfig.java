package org.melodypalette.model.config;

import java.util.List;
import org.melodypalette.tokenizer.MelodyVocabulary;

/**
 * Every architecture hyperparameter of a MusicVAE, validated at construction and stored as
 * {@code config.json} inside every checkpoint. Named presets live in {@link ModelPresets}.
 *
 * <p>Sizes follow Magenta's names: {@code encoderSizes} is {@code enc_rnn_size} (per direction;
 * stacked layers for a flat encoder, one single-layer level each for a hierarchical one),
 * {@code decoderSizes} is the note decoder's {@code dec_rnn_size}, and {@code conductorSizes} the
 * conductor's layers (hierarchical decoder only).
 *
 * @param name           preset name, e.g. {@code cat-mel_2bar_small}
 * @param encoder        flat bidirectional LSTM, or Magenta's two-level hierarchical encoder
 * @param encoderSizes   LSTM sizes per direction: stacked layers (flat) or levels 0 and 1 (hierarchical)
 * @param decoder        flat categorical decoder, or conductor + per-bar note decoders
 * @param decoderSizes   note-decoder LSTM layer sizes
 * @param conductorSizes conductor LSTM layer sizes; empty for a flat decoder
 * @param zSize          latent dimensions
 * @param numSteps       steps per sequence (32 for 2 bars of 16ths)
 * @param stepsPerBar    16 for 16th notes in 4/4
 * @param numSegments    segments the hierarchical parts split a sequence into (bars); 1 if flat
 * @param minPitch       lowest MIDI pitch of the vocabulary (21)
 * @param maxPitch       highest MIDI pitch of the vocabulary (108)
 * @param training       optimisation hyperparameters
 */
public record ModelConfig(
        String name,
        EncoderKind encoder,
        List<Integer> encoderSizes,
        DecoderKind decoder,
        List<Integer> decoderSizes,
        List<Integer> conductorSizes,
        int zSize,
        int numSteps,
        int stepsPerBar,
        int numSegments,
        int minPitch,
        int maxPitch,
        TrainingConfig training) {

    /** Encoder architectures Magenta's melody models use. */
    public enum EncoderKind { FLAT, HIERARCHICAL }

    /** Decoder architectures Magenta's melody models use. */
    public enum DecoderKind { FLAT, HIERARCHICAL }

    public ModelConfig {
        require(name != null && !name.isBlank(), "name is required");
        require(encoder != null && decoder != null && training != null,
                name + ": encoder, decoder and training are required");
        encoderSizes = List.copyOf(encoderSizes);
        decoderSizes = List.copyOf(decoderSizes);
        conductorSizes = List.copyOf(conductorSizes);
        requirePositive(name, "encoderSizes", encoderSizes);
        requirePositive(name, "decoderSizes", decoderSizes);
        require(zSize > 0, name + ": zSize " + zSize + " must be positive");
        require(stepsPerBar > 0 && numSteps > 0 && numSteps % stepsPerBar == 0,
                name + ": numSteps " + numSteps + " is not a whole number of " + stepsPerBar + "-step bars");
        require(numSegments > 0 && numSteps % numSegments == 0,
                name + ": numSteps " + numSteps + " does not split into " + numSegments + " segments");
        require(minPitch >= 0 && maxPitch <= 127 && minPitch <= maxPitch,
                name + ": pitch range " + minPitch + ".." + maxPitch + " is not inside 0..127");
        if (encoder == EncoderKind.HIERARCHICAL) {
            require(encoderSizes.size() == 2,
                    name + ": a hierarchical encoder has exactly 2 levels, got " + encoderSizes);
            require(numSegments > 1, name + ": a hierarchical encoder needs numSegments > 1");
        }
        if (decoder == DecoderKind.HIERARCHICAL) {
            requirePositive(name, "conductorSizes", conductorSizes);
            require(numSegments > 1, name + ": a hierarchical decoder needs numSegments > 1");
        } else {
            require(conductorSizes.isEmpty(), name + ": a flat decoder has no conductor");
        }
        if (encoder == EncoderKind.FLAT && decoder == DecoderKind.FLAT) {
            require(numSegments == 1, name + ": a flat model has numSegments 1, got " + numSegments);
        }
        ModelSizeLimits.check(name, encoderSizes, decoderSizes, conductorSizes, zSize, numSteps, stepsPerBar,
                new MelodyVocabulary(minPitch, maxPitch).size());
    }

    /** Output classes: the size of the vocabulary of {@code minPitch..maxPitch}. */
    public int numClasses() {
        return new MelodyVocabulary(minPitch, maxPitch).size();
    }

    public int bars() {
        return numSteps / stepsPerBar;
    }

    /** Steps each note decoder (hierarchical) or the flat decoder runs per segment. */
    public int stepsPerSegment() {
        return numSteps / numSegments;
    }

    public ModelConfig withName(String newName) {
        return new ModelConfig(newName, encoder, encoderSizes, decoder, decoderSizes, conductorSizes,
                zSize, numSteps, stepsPerBar, numSegments, minPitch, maxPitch, training);
    }

    public ModelConfig withEncoder(EncoderKind kind, List<Integer> sizes) {
        return new ModelConfig(name, kind, sizes, decoder, decoderSizes, conductorSizes,
                zSize, numSteps, stepsPerBar, numSegments, minPitch, maxPitch, training);
    }

    /** Decoder and segmentation together: a hierarchical decoder needs numSegments > 1, a flat model 1. */
    public ModelConfig withDecoder(DecoderKind kind, List<Integer> sizes, List<Integer> conductor,
                                   int newNumSegments) {
        return new ModelConfig(name, encoder, encoderSizes, kind, sizes, conductor,
                zSize, numSteps, stepsPerBar, newNumSegments, minPitch, maxPitch, training);
    }

    public ModelConfig withZSize(int newZSize) {
        return new ModelConfig(name, encoder, encoderSizes, decoder, decoderSizes, conductorSizes,
                newZSize, numSteps, stepsPerBar, numSegments, minPitch, maxPitch, training);
    }

    /** Sequence length in bars of {@code newStepsPerBar} steps; segmentation is kept. */
    public ModelConfig withSteps(int newNumSteps, int newStepsPerBar) {
        return new ModelConfig(name, encoder, encoderSizes, decoder, decoderSizes, conductorSizes,
                zSize, newNumSteps, newStepsPerBar, numSegments, minPitch, maxPitch, training);
    }

    public ModelConfig withTraining(TrainingConfig newTraining) {
        return new ModelConfig(name, encoder, encoderSizes, decoder, decoderSizes, conductorSizes,
                zSize, numSteps, stepsPerBar, numSegments, minPitch, maxPitch, newTraining);
    }

    private static void requirePositive(String name, String field, List<Integer> sizes) {
        require(!sizes.isEmpty(), name + ": " + field + " is empty");
        for (int size : sizes) {
            require(size > 0, name + ": " + field + " " + sizes + " has a non-positive size");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
