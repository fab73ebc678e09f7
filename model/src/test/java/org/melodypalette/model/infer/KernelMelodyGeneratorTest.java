package org.melodypalette.model.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.Interpolation;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.api.LatentVector;
import org.melodypalette.model.service.MelodyGenerators;
import org.melodypalette.model.api.ModelInfo;
import org.melodypalette.model.checkpoint.AttributeVectors;
import org.melodypalette.model.checkpoint.CheckpointFolder;
import org.melodypalette.model.checkpoint.RandomWeights;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;

/** The melody-level API on the real mel_2bar_small layout, checked against the magenta.js goldens. */
class KernelMelodyGeneratorTest {

    private static final String MODEL = "mel_2bar_small_random";
    private static Path folder;
    private static LatentCodec generator;

    @TempDir
    Path dir;

    @BeforeAll
    static void open() throws IOException {
        folder = MagentaGoldens.checkpoint(MODEL);
        generator = MelodyGenerators.open(folder);
    }

    @AfterAll
    static void close() {
        if (generator != null) {
            generator.close();
        }
    }

    private static Melody melody(int[][] notes, int steps) {
        List<Note> list = new ArrayList<>();
        for (int[] n : notes) {
            list.add(Note.of(n[0], n[1], n[2]));
        }
        return Melody.of(TimeGrid.SIXTEENTHS_4_4, steps, list);
    }

    private static int[][] notes(Melody melody) {
        return melody.notes().stream().map(n -> new int[] {n.pitch(), n.startStep(), n.endStep()}).toArray(int[][]::new);
    }

    @Test
    void infoDescribesTheModelAndWhereItCameFrom() {
        ModelInfo info = generator.info();

        assertThat(info.name()).isEqualTo(MODEL);
        assertThat(info.source()).isEqualTo(folder.toString());
        assertThat(info.numSteps()).isEqualTo(32);
        assertThat(info.bars()).isEqualTo(2);
        assertThat(info.zSize()).isEqualTo(256);
        assertThat(info.minPitch()).isEqualTo(21);
        assertThat(info.maxPitch()).isEqualTo(108);
        assertThat(info.attributes()).isEmpty();
    }

    @Test
    void melodiesEncodeToTheGoldenLabelsAndMu() {
        List<MagentaGoldens.Encoded> golden = MagentaGoldens.encoded(MODEL);
        List<Melody> melodies = golden.stream().map(g -> melody(g.notes(), 32)).toList();

        List<LatentVector> z = generator.encode(melodies);

        for (int n = 0; n < golden.size(); n++) {
            assertThat(generator.labels(melodies.get(n))).as(golden.get(n).name()).containsExactly(golden.get(n).inputLabels());
            assertThat(MagentaParityTest.maxAbsDiff(z.get(n).toArray(), golden.get(n).z())).isLessThan(1e-4);
        }
    }

    @Test
    void decodeGivesTheGoldenNotes() {
        List<MagentaGoldens.Decoded> golden = MagentaGoldens.decoded(MODEL, "decode");
        List<LatentVector> z = golden.stream().map(g -> new LatentVector(g.z())).toList();

        List<Melody> melodies = generator.decode(z, DecodeOptions.ARGMAX);

        for (int n = 0; n < golden.size(); n++) {
            assertThat(generator.labels(melodies.get(n))).as(golden.get(n).name())
                    .containsExactly(golden.get(n).outputLabels());
            assertThat(melodies.get(n).lengthSteps()).isEqualTo(32);
        }
    }

    @Test
    void interpolationMatchesMagentaAndCanKeepTheOriginals() {
        List<MagentaGoldens.Encoded> encoded = MagentaGoldens.encoded(MODEL);
        Melody a = melody(encoded.get(0).notes(), 32);
        Melody b = melody(encoded.get(1).notes(), 32);
        MagentaGoldens.Interpolated golden = MagentaGoldens.interpolated(MODEL);

        List<Melody> path = generator.interpolate(a, b, 5, Interpolation.LERP, false, DecodeOptions.ARGMAX);
        List<Melody> kept = generator.interpolate(a, b, 5, Interpolation.LERP, true, DecodeOptions.ARGMAX);
        List<Melody> slerp = generator.interpolate(a, b, 5, Interpolation.SLERP, false, DecodeOptions.ARGMAX);

        for (int i = 0; i < 5; i++) {
            assertThat(notes(path.get(i))).as("step " + i).isDeepEqualTo(golden.outputs().get(i));
        }
        assertThat(kept.get(0)).isEqualTo(a);
        assertThat(kept.get(4)).isEqualTo(b);
        assertThat(kept.subList(1, 4)).isEqualTo(path.subList(1, 4));
        // Both paths start and end at the same latent points.
        assertThat(slerp.get(0)).isEqualTo(path.get(0));
        assertThat(slerp).hasSize(5);
    }

    @Test
    void melodiesAreCutPaddedAndOctaveFolded() {
        Melody four = melody(new int[][] {{60, 0, 4}, {62, 30, 40}, {64, 40, 44}}, 64);
        Melody half = melody(new int[][] {{60, 0, 4}}, 16);
        Melody high = melody(new int[][] {{115, 0, 4}}, 32);

        int[] cut = generator.labels(four);
        assertThat(cut).hasSize(32);
        assertThat(cut[30]).isEqualTo(62 - 19);
        assertThat(generator.labels(half)).hasSize(32).containsSequence(41, 0, 0, 0, 1);
        assertThat(generator.labels(high)[0]).isEqualTo(103 - 19);
        assertThat(generator.melody(generator.labels(half)).lengthSteps()).isEqualTo(32);
    }

    @Test
    void sampleAndSimilarAreDeterministicPerSeed() {
        DecodeOptions options = DecodeOptions.sampling(0.5, 99);
        Melody twinkle = melody(MagentaGoldens.encoded(MODEL).get(1).notes(), 32);

        assertThat(generator.sample(3, options)).isEqualTo(generator.sample(3, options)).hasSize(3);
        assertThat(generator.similar(twinkle, 2, 0.7, options)).isEqualTo(generator.similar(twinkle, 2, 0.7, options));
        // amount 1 is the melody's own mu: both variations are its argmax reconstruction.
        Melody reconstruction = generator.decode(generator.encode(List.of(twinkle)), DecodeOptions.ARGMAX).get(0);
        assertThat(generator.similar(twinkle, 2, 1.0, DecodeOptions.ARGMAX)).containsExactly(reconstruction, reconstruction);
        assertThatThrownBy(() -> generator.similar(twinkle, 2, 1.5, options)).hasMessageContaining("outside 0..1");
    }

    @Test
    void attributeVectorsComeFromTheCheckpointFolder() throws IOException {
        ModelConfig config = ModelPresets.byName("tiny-test");
        CheckpointFolder.write(dir, config, RandomWeights.of(config, 5));
        Map<String, float[]> vectors = new LinkedHashMap<>();
        vectors.put("note_density", new float[] {3, -3, 3, -3});
        vectors.put("pitch_height", new float[] {0, 1, 0, 1});
        AttributeVectors.write(dir, vectors);
        Melody melody = Melody.of(new TimeGrid(4, 1, 4, 120.0), 8, List.of(Note.of(60, 0, 2), Note.of(64, 4, 8)));

        try (LatentCodec tiny = MelodyGenerators.open(dir)) {
            assertThat(tiny.info().attributes()).containsExactly("note_density", "pitch_height");
            Melody unchanged = tiny.applyAttribute(melody, "note_density", 0.0, DecodeOptions.ARGMAX);
            assertThat(unchanged).isEqualTo(tiny.decode(tiny.encode(List.of(melody)), DecodeOptions.ARGMAX).get(0));
            assertThatThrownBy(() -> tiny.applyAttribute(melody, "swing", 1.0, DecodeOptions.ARGMAX))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("unknown attribute 'swing'")
                    .hasMessageContaining("available: note_density, pitch_height");
        }
    }

    @Test
    void aClosedGeneratorRefusesWork() throws IOException {
        ModelConfig config = ModelPresets.byName("tiny-test");
        CheckpointFolder.write(dir, config, RandomWeights.of(config, 5));
        LatentCodec tiny = MelodyGenerators.open(dir);
        tiny.close();

        assertThatThrownBy(() -> tiny.sample(1, DecodeOptions.ARGMAX))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> tiny.applyAttribute(Melody.silent(TimeGrid.SIXTEENTHS_4_4, 8), "x", 1, DecodeOptions.ARGMAX))
                .hasMessageContaining("ships no attribute vectors");
    }
}
