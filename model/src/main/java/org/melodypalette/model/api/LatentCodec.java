package org.melodypalette.model.api;

import java.util.Arrays;
import java.util.List;
import org.melodypalette.music.Melody;

/**
 * A {@link MelodyGenerator} that also works at the label level, for tools and evaluation
 * ({@code palette encode/decode --json}, {@code palette eval}, benchmarks). Labels are the model's
 * class ids per step ({@code 0} no event, {@code 1} note off, {@code 2..} note on of
 * {@code minPitch..maxPitch}); a label sequence has {@link ModelInfo#numSteps()} entries; latent
 * vectors have {@link ModelInfo#zSize()} values.
 */
public interface LatentCodec extends MelodyGenerator {

    /**
     * Each melody's code, refined as {@code options} say ({@link RefineOptions#NONE}: the posterior
     * mean, as {@link #encode(List)}), with whether argmax decoding gives the melody back.
     */
    List<Encoding> encode(List<Melody> melodies, RefineOptions options);

    /**
     * {@code steps ≥ 2} melodies decoded from {@link LatentMath#path}: the first from {@code a}, the
     * last from {@code b} exactly (with refined codes: the melodies themselves).
     */
    List<Melody> interpolate(LatentVector a, LatentVector b, int steps, Interpolation mode, DecodeOptions options);

    /**
     * {@code n} variations around the code {@code z} (e.g. a refined one), as
     * {@link #similar(Melody, int, double, DecodeOptions)} around the mean:
     * {@code z·amount + N(0, I)·(1 − amount)}.
     */
    List<Melody> similar(LatentVector z, int n, double amount, DecodeOptions options);

    /**
     * The same around a code that may carry bar offsets: z varies as above and every variation keeps the
     * centre's offsets ({@code amount = 1} decodes the centre itself).
     */
    List<Melody> similar(LatentCode centre, int n, double amount, DecodeOptions options);

    /**
     * How this model refines codes unless told otherwise: {@link RefineOptions#DEFAULT} (z alone) for a flat
     * decoder, {@link RefineOptions#BARS} (the bar embeddings too) for a hierarchical one, whose z alone
     * cannot give the melodies back (docs/measurements/refine/).
     */
    RefineOptions refineDefaults();

    @Override
    default List<Melody> decodeCodeMelodies(List<LatentCode> codes, DecodeOptions options) {
        int[][] labels = decodeCodes(codes, options);
        return Arrays.stream(labels).map(this::melody).toList();
    }

    /** The labels the model sees for a melody: cut or padded to numSteps, pitches octave-folded into range. */
    int[] labels(Melody melody);

    /** The melody the labels describe, on the model's grid. */
    Melody melody(int[] labels);

    /** The posterior mean {@code mu} per label sequence ({@code [n][zSize]}). */
    float[][] encodeLabels(int[][] labels);

    /**
     * Each label sequence's code, refined as {@code options} say ({@link RefineOptions#NONE}: the
     * posterior mean), with whether argmax decoding gives the sequence back.
     */
    List<Encoding> encodeLabels(int[][] labels, RefineOptions options);

    /** {@code mu} and {@code sigma} per label sequence (sigma null if the checkpoint lacks it). */
    Posterior encodePosterior(int[][] labels);

    /** One label sequence per latent vector. */
    int[][] decodeLabels(float[][] z, DecodeOptions options);

    /**
     * The same with each bar's embedding moved by {@code barOffsets [n][S·E]} (bar s at
     * {@code [s·E, (s+1)·E)}, as {@link Encoding#barOffsets()} holds them; null = none).
     */
    int[][] decodeLabels(float[][] z, float[][] barOffsets, DecodeOptions options);

    /** One label sequence per code, each with its bar offsets (a code without them among others gets zeros). */
    default int[][] decodeCodes(List<LatentCode> codes, DecodeOptions options) {
        float[][] z = new float[codes.size()][];
        float[][] offsets = codes.stream().anyMatch(LatentCode::hasBarOffsets) ? new float[codes.size()][] : null;
        int size = offsets == null ? 0 : codes.stream().filter(LatentCode::hasBarOffsets).findFirst()
                .orElseThrow().barOffsetArray().length;
        for (int n = 0; n < z.length; n++) {
            LatentCode code = codes.get(n);
            z[n] = code.z().toArray();
            if (offsets != null) {
                offsets[n] = code.hasBarOffsets() ? code.barOffsetArray() : new float[size];
            }
        }
        return decodeLabels(z, offsets, options);
    }

    /** Logits {@code [n][numSteps][classes]} with the given labels fed back as each step's previous output. */
    float[][][] teacherForcedLogits(float[][] z, int[][] labels);

    /**
     * Runs every code path at batch sizes 1, 2 and 11 (which covers every row-block shape larger
     * batches use) so that the first user action is not slowed by the JIT: the first calls run
     * interpreted and are 10–100 times slower. It takes seconds: call it on the background executor
     * right after opening.
     */
    void warmUp();

    /**
     * The {@code n} points from {@code a} to {@code b} spaced evenly in what argmax decoding plays
     * ({@link MorphPath#evenInHearing}): decodes {@link MorphPath#finePoints} points of the line and up to as
     * many midpoints where it changes most, in batches.
     */
    default MorphPath evenPath(LatentVector a, LatentVector b, int n, Interpolation mode) {
        return evenPath(LatentCode.of(a), LatentCode.of(b), n, mode);
    }

    /** The same between codes that may carry bar offsets ({@link MorphPath#points(LatentCode, LatentCode, Interpolation)}). */
    default MorphPath evenPath(LatentCode a, LatentCode b, int n, Interpolation mode) {
        return MorphPath.evenInHearing(n, t -> {
            int[][] decoded = decodeCodes(MorphPath.codesAt(t, a, b, mode), DecodeOptions.ARGMAX);
            int[][] heard = new int[t.length][];
            for (int j = 0; j < t.length; j++) {
                heard[j] = labels(melody(decoded[j]));
            }
            return heard;
        });
    }
}
