package org.melodypalette.model.api;

import java.util.List;
import org.melodypalette.music.Melody;

/**
 * The small synchronous facade the workbench and the CLI use to reach a MusicVAE: domain values
 * in and out, no tensors. Calls may take milliseconds to seconds: the UI runs them on a background
 * executor. Deterministic for a given seed. Implementations are not thread-safe unless stated.
 *
 * <p>Melodies passed in are cut or padded to {@link ModelInfo#numSteps()}; pitches outside the
 * model's range are octave-folded into it.
 */
public interface MelodyGenerator extends AutoCloseable {

    ModelInfo info();

    /** The latent mean {@code mu} of each melody, in input order. */
    List<LatentVector> encode(List<Melody> melodies);

    /** One melody per latent point, in input order. */
    List<Melody> decode(List<LatentVector> latents, DecodeOptions options);

    /**
     * One melody per code, in input order, each decoded with its bar offsets ({@link LatentCode}). A
     * generator that cannot offset bars decodes codes without offsets and refuses the others, so that an
     * offset is never dropped silently.
     */
    default List<Melody> decodeCodeMelodies(List<LatentCode> codes, DecodeOptions options) {
        if (codes.stream().anyMatch(LatentCode::hasBarOffsets)) {
            throw new IllegalArgumentException("model " + info().name() + " cannot decode codes with bar offsets");
        }
        return decode(codes.stream().map(LatentCode::z).toList(), options);
    }

    /** {@code n} melodies decoded from {@code z ~ N(0, I)} drawn with the options' seed. */
    List<Melody> sample(int n, DecodeOptions options);

    /**
     * {@code steps} melodies from A to B (steps ≥ 2). The endpoints are the reconstructions of A and
     * B unless {@code keepOriginals}, in which case they are A and B themselves.
     */
    List<Melody> interpolate(Melody a, Melody b, int steps, Interpolation mode, boolean keepOriginals,
                             DecodeOptions options);

    /** {@code n} variations: {@code z = amount·mu + (1 − amount)·N(0, I)}, as magenta.js similar(). */
    List<Melody> similar(Melody melody, int n, double amount, DecodeOptions options);

    /** Moves the melody's latent point along a named attribute vector by {@code strength}. */
    Melody applyAttribute(Melody melody, String attribute, double strength, DecodeOptions options);

    @Override
    void close();
}
