package org.melodypalette.model.refine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Encoding;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.api.LatentCode;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.MorphPath;
import org.melodypalette.model.service.MelodyGenerators;
import org.melodypalette.model.api.RefineOptions;
import org.melodypalette.model.backprop.DecoderLikelihood;
import org.melodypalette.model.checkpoint.CheckpointFolder;
import org.melodypalette.model.checkpoint.RandomWeights;
import org.melodypalette.model.checkpoint.WeightSet;
import org.melodypalette.model.checkpoint.WeightTensor;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;

/**
 * Refined encoding through the codec the workbench uses: it lowers the decoder's NLL of the melody
 * from the posterior mean on a tiny model, keeps the mean available, and on the bundled 2-bar
 * model gives back exactly a melody its posterior mean gets wrong.
 */
class LatentRefinerTest {

    /** Surefire runs in the module folder; the bundled checkpoints sit at the repository root. */
    private static final Path BUNDLED_2BAR = Path.of("..", "checkpoints", "mel_2bar");

    /** The first two bars of the reel "Achonry Lasses" (cre-irish), as 'palette tokenize --steps 32' reads them. */
    private static final int[] ACHONRY_LASSES = {43, 45, 0, 47, 48, 0, 0, 0, 48, 0, 52, 0, 50, 0, 47, 0, 47, 0, 0, 0,
            55, 0, 52, 0, 53, 0, 50, 0, 52, 0, 48, 0};

    /**
     * Two bars of 4 steps that the tiny hierarchical model of seed {@link #SEED} decodes from a code
     * with offsets on its bar embeddings (drawn at random): refining z alone does not find them.
     */
    private static final int[] MELODY = {82, 82, 82, 82, 38, 38, 38, 38};
    private static final int SEED = 6;

    @TempDir
    Path dir;

    @Test
    void refinementLowersTheNllFromThePosteriorMean() throws IOException {
        ModelConfig config = ModelPresets.byName("tiny-test");
        WeightSet weights = RandomWeights.of(config, 7);
        CheckpointFolder.write(dir, config, weights);
        int[][] labels = {{62, 0, 64, 0, 1, 0, 65, 0}, {50, 1, 50, 1, 52, 0, 0, 0}};
        RefineOptions options = new RefineOptions(40, 0.2, 0, 60_000);

        try (LatentCodec codec = MelodyGenerators.open(dir)) {
            List<Encoding> refined = codec.encodeLabels(labels, options);
            float[][] means = codec.encodeLabels(labels);
            DecoderLikelihood likelihood = DecoderLikelihood.create(config, arrays(weights), 1);
            for (int b = 0; b < labels.length; b++) {
                Encoding e = refined.get(b);
                assertThat(e.mean().toArray()).containsExactly(means[b]);
                assertThat(e.steps()).isPositive();
                double atMean = likelihood.evaluate(e.mean().toArray(), new int[][] {labels[b]}).nll()[0];
                double atRefined = likelihood.evaluate(e.z().toArray(), new int[][] {labels[b]}).nll()[0];
                assertThat(atRefined).as("NLL of melody %d", b).isLessThan(atMean);
            }
        }
    }

    @Test
    void withoutRefinementTheCodeIsThePosteriorMean() throws IOException {
        ModelConfig config = ModelPresets.byName("tiny-test-hier");
        CheckpointFolder.write(dir, config, RandomWeights.of(config, 8));
        int[][] labels = {{62, 0, 64, 0, 1, 0, 65, 0}};

        try (LatentCodec codec = MelodyGenerators.open(dir)) {
            Encoding e = codec.encodeLabels(labels, RefineOptions.NONE).get(0);

            assertThat(e.z()).isEqualTo(e.mean());
            assertThat(e.z().toArray()).containsExactly(codec.encodeLabels(labels)[0]);
            assertThat(e.steps()).isZero();
            int[] decoded = codec.decodeLabels(new float[][] {e.z().toArray()}, DecodeOptions.ARGMAX)[0];
            assertThat(e.exact()).isEqualTo(Arrays.equals(decoded, labels[0]));
        }
    }

    @Test
    void refiningTheBarEmbeddingsGivesBackAMelodyZAloneCannot() throws IOException {
        ModelConfig config = ModelPresets.byName("tiny-test-hier");
        CheckpointFolder.write(dir, config, RandomWeights.of(config, SEED));
        int[][] labels = {MELODY};
        RefineOptions zAlone = new RefineOptions(300, 0.3, 0, 0);

        try (LatentCodec codec = MelodyGenerators.open(dir)) {
            Encoding byZ = codec.encodeLabels(labels, zAlone).get(0);
            Encoding byBars = codec.encodeLabels(labels, zAlone.withBars(0.1, 0)).get(0);

            assertThat(byZ.exact()).isFalse();
            assertThat(byZ.hasBarOffsets()).isFalse();
            assertThat(byBars.exact()).isTrue();
            assertThat(byBars.barOffsets()).hasSize(config.numSegments());
            assertThat(codec.decodeCodes(List.of(byBars.code()), DecodeOptions.ARGMAX)[0]).containsExactly(MELODY);
            assertThat(codec.decodeLabels(new float[][] {byBars.z().toArray()}, DecodeOptions.ARGMAX)[0])
                    .isNotEqualTo(MELODY);
        }
    }

    @Test
    void theBarsAloneWithZAtTheMeanGiveTheMelodiesBack() throws IOException {
        ModelConfig config = ModelPresets.byName("tiny-test-hier");
        CheckpointFolder.write(dir, config, RandomWeights.of(config, SEED));
        RefineOptions barsAlone = RefineOptions.BARS.withBudgetMillis(0);
        assertThat(barsAlone.learningRate()).isZero();

        try (LatentCodec codec = MelodyGenerators.open(dir)) {
            int[] other = codec.decodeLabels(new float[][] {{0.5f, -1, 1, 0.2f}}, DecodeOptions.ARGMAX)[0];
            int[][] labels = {MELODY, other};
            float[][] means = codec.encodeLabels(labels);
            List<Encoding> refined = codec.encodeLabels(labels, barsAlone);

            for (int m = 0; m < labels.length; m++) {
                Encoding e = refined.get(m);
                assertThat(e.exact()).as("melody %d", m).isTrue();
                assertThat(e.z().toArray()).containsExactly(means[m]);
                assertThat(e.barOffsets()).hasSize(config.numSegments());
                assertThat(codec.decodeCodes(List.of(e.code()), DecodeOptions.ARGMAX)[0]).containsExactly(labels[m]);
            }
            assertThat(refined.get(0).steps()).isPositive();
        }
    }

    @Test
    void barsCutShortKeepTheirFewestMistakesAndSaySo() throws IOException {
        ModelConfig config = ModelPresets.byName("tiny-test-hier");
        WeightSet weights = RandomWeights.of(config, SEED);
        CheckpointFolder.write(dir, config, weights);

        try (LatentCodec codec = MelodyGenerators.open(dir)) {
            Encoding full = codec.encodeLabels(new int[][] {MELODY}, RefineOptions.BARS.withBudgetMillis(0)).get(0);
            Encoding cut = codec.encodeLabels(new int[][] {MELODY},
                    RefineOptions.BARS.withBudgetMillis(0).withMaxSteps(1)).get(0);

            assertThat(full.steps()).as("the melody needs more than one step").isGreaterThan(1);
            assertThat(cut.exact()).isFalse();
            assertThat(cut.steps()).isEqualTo(1);
            float[] offsets = new float[DecoderLikelihood.barOffsetSize(config)];
            int size = offsets.length / config.numSegments();
            for (int s = 0; s < config.numSegments(); s++) {
                System.arraycopy(cut.barOffsets().get(s).toArray(), 0, offsets, s * size, size);
            }
            int mistakes = DecoderLikelihood.create(config, arrays(weights), 1)
                    .evaluate(cut.z().toArray(), offsets, new int[][] {MELODY}).mistakes()[0];
            assertThat(cut.mistakes()).isPositive().isEqualTo(mistakes);
        }
    }

    @Test
    void aMorphBetweenCodesWithBarOffsetsStartsAndEndsOnTheMelodies() throws IOException {
        ModelConfig config = ModelPresets.byName("tiny-test-hier");
        CheckpointFolder.write(dir, config, RandomWeights.of(config, SEED));
        RefineOptions withBars = new RefineOptions(300, 0.3, 0, 0).withBars(0.1, 0);

        try (LatentCodec codec = MelodyGenerators.open(dir)) {
            int[] other = codec.decodeLabels(new float[][] {{0.5f, -1, 1, 0.2f}}, DecodeOptions.ARGMAX)[0];
            List<Encoding> refined = codec.encodeLabels(new int[][] {MELODY, other}, withBars);
            assertThat(refined).allMatch(Encoding::exact);
            assertThat(refined.get(0).hasBarOffsets()).isTrue();

            for (Interpolation mode : Interpolation.values()) {
                List<LatentCode> path = MorphPath.uniform(5).points(refined.get(0).code(), refined.get(1).code(), mode);
                int[][] decoded = codec.decodeCodes(path, DecodeOptions.ARGMAX);
                assertThat(decoded[0]).containsExactly(MELODY);
                assertThat(decoded[4]).containsExactly(other);
                MorphPath even = codec.evenPath(refined.get(0).code(), refined.get(1).code(), 5, mode);
                assertThat(even.t()).hasSize(5);
            }
        }
    }

    @Test
    void patienceStopsAMelodyThatStoppedImproving() throws IOException {
        ModelConfig config = ModelPresets.byName("tiny-test-hier");
        CheckpointFolder.write(dir, config, RandomWeights.of(config, SEED));
        int[][] labels = {MELODY};
        RefineOptions zAlone = new RefineOptions(300, 0.3, 0, 0);

        try (LatentCodec codec = MelodyGenerators.open(dir)) {
            Encoding unlimited = codec.encodeLabels(labels, zAlone).get(0);
            Encoding patient = codec.encodeLabels(labels, zAlone.withPatience(10)).get(0);

            assertThat(unlimited.steps()).isEqualTo(300);
            assertThat(patient.steps()).isLessThan(300);
            assertThat(patient.exact()).isFalse();
            assertThat(patient.mistakes()).isGreaterThanOrEqualTo(unlimited.mistakes());
        }
    }

    @Test
    void theBundledTwoBarModelGivesBackAMelodyItsMeanGetsWrong() throws IOException {
        int[][] labels = {ACHONRY_LASSES};
        try (LatentCodec codec = MelodyGenerators.open(BUNDLED_2BAR)) {
            int[] fromMean = codec.decodeLabels(codec.encodeLabels(labels), DecodeOptions.ARGMAX)[0];
            assertThat(fromMean).isNotEqualTo(ACHONRY_LASSES);

            Encoding e = codec.encodeLabels(labels, RefineOptions.DEFAULT.withBudgetMillis(600_000)).get(0);

            assertThat(e.exact()).isTrue();
            assertThat(e.steps()).isPositive();
            assertThat(codec.decodeLabels(new float[][] {e.z().toArray()}, DecodeOptions.ARGMAX)[0])
                    .containsExactly(ACHONRY_LASSES);
            assertThat(e.mean().toArray()).containsExactly(codec.encodeLabels(labels)[0]);
        }
    }

    private static Map<String, float[]> arrays(WeightSet weights) {
        Map<String, float[]> arrays = new LinkedHashMap<>();
        for (WeightTensor t : weights.tensors()) {
            arrays.put(t.name(), t.values());
        }
        return arrays;
    }
}
