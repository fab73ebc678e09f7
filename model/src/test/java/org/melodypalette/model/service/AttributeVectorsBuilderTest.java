package org.melodypalette.model.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.datasets.DatasetInfo;
import org.melodypalette.datasets.LabelWindows;
import org.melodypalette.datasets.WindowDataset;
import org.melodypalette.datasets.WindowDatasetFile;
import org.melodypalette.model.api.AttributeStatistics;
import org.melodypalette.model.api.AttributeVectorsReport;
import org.melodypalette.model.api.DecodeOptions;
import org.melodypalette.model.api.LatentCodec;
import org.melodypalette.model.checkpoint.AttributeVectors;
import org.melodypalette.music.Melody;
import org.melodypalette.music.Note;
import org.melodypalette.music.TimeGrid;
import org.melodypalette.testing.SharedData;

/** Attribute vectors of magenta.js's random-weight mel_2bar_small over a small hand-made dataset. */
class AttributeVectorsBuilderTest {

    @TempDir
    Path dir;

    Path checkpoint;
    Path data;

    @BeforeEach
    void copyCheckpointAndWriteDataset() throws IOException {
        checkpoint = SharedData.copyTo("magenta/checkpoints/mel_2bar_small_random", dir.resolve("model"));
        data = dir.resolve("windows.mpwin");
        WindowDatasetFile.write(data, dataset(2, 16));
    }

    /** Window 0 and 1 are silent; window i ≥ 2 has i − 1 onsets, every other step, around pitch 30 + i. */
    static LabelWindows windows(int count) {
        List<int[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[] row = new int[32];
            for (int k = 0; k < i - 1; k++) {
                row[2 * k] = 30 + i + k % 5;
            }
            rows.add(row);
        }
        return LabelWindows.of(32, rows);
    }

    static WindowDataset dataset(int bars, int trainCount) {
        DatasetInfo info = new DatasetInfo(bars, 16, List.of("fixture"), Map.of(), Map.of());
        List<int[]> rows = new ArrayList<>();
        LabelWindows all = windows(trainCount);
        for (int i = 0; i < trainCount; i++) {
            rows.add(Arrays.copyOf(all.window(i), bars * 16));
        }
        return new WindowDataset(info, LabelWindows.of(bars * 16, rows), LabelWindows.of(bars * 16, List.of()));
    }

    @Test
    void vectorIsTopQuartileMeanMuMinusBottomQuartileMeanMu() throws IOException {
        AttributeVectorsReport report = AttributeVectorsBuilder.build(checkpoint, data, 100, 0);

        assertThat(report.windows()).isEqualTo(16);
        assertThat(report.attributes()).extracting(AttributeStatistics::name)
                .containsExactly("note_density", "pitch_height", "pitch_range", "syncopation", "rest_share");
        AttributeStatistics density = report.attributes().get(0);
        // Densities (onsets / 2 bars): windows 0..3 → 0, 0, 0.5, 1; windows 12..15 → 5.5 .. 7.
        assertThat(density.windows()).isEqualTo(16);
        assertThat(density.quartile()).isEqualTo(4);
        assertThat(density.bottomMean()).isEqualTo(1.5 / 4);
        assertThat(density.topMean()).isEqualTo((5.5 + 6 + 6.5 + 7) / 4);
        assertThat(report.attributes().get(1).windows()).as("silent windows skipped").isEqualTo(14);

        Map<String, float[]> written = AttributeVectors.read(checkpoint, 256);
        assertThat(written).containsOnlyKeys("note_density", "pitch_height", "pitch_range", "syncopation", "rest_share");
        float[] expected = expectedDensityVector();
        float[] actual = written.get("note_density");
        assertThat(actual).hasSize(256);
        double norm = 0;
        for (int d = 0; d < 256; d++) {
            assertThat(actual[d]).isCloseTo(expected[d], within(1e-5f));
            norm += (double) actual[d] * actual[d];
        }
        assertThat(density.norm()).isCloseTo(Math.sqrt(norm), within(1e-9)).isPositive();
    }

    /** Encodes the 4 sparsest and 4 densest windows directly. */
    private float[] expectedDensityVector() throws IOException {
        LabelWindows all = windows(16);
        try (LatentCodec codec = MelodyGenerators.open(checkpoint)) {
            float[][] low = codec.encodeLabels(new int[][] {all.window(0), all.window(1), all.window(2), all.window(3)});
            float[][] high = codec.encodeLabels(new int[][] {all.window(12), all.window(13), all.window(14), all.window(15)});
            float[] v = new float[256];
            for (int d = 0; d < 256; d++) {
                for (int k = 0; k < 4; k++) {
                    v[d] += (high[k][d] - low[k][d]) / 4f;
                }
            }
            return v;
        }
    }

    @Test
    void theReopenedModelAppliesTheVectors() throws IOException {
        AttributeVectorsBuilder.build(checkpoint, data, 100, 0);
        Melody melody = Melody.of(TimeGrid.SIXTEENTHS_4_4, 32, List.of(Note.of(60, 0, 4), Note.of(64, 8, 12)));

        try (LatentCodec codec = MelodyGenerators.open(checkpoint)) {
            assertThat(codec.info().attributes()).contains("note_density", "rest_share");
            Melody moved = codec.applyAttribute(melody, "note_density", 1.0, DecodeOptions.ARGMAX);
            assertThat(moved.lengthSteps()).isEqualTo(32);
            assertThat(codec.applyAttribute(melody, "note_density", 0.0, DecodeOptions.ARGMAX))
                    .isEqualTo(codec.decode(codec.encode(List.of(melody)), DecodeOptions.ARGMAX).get(0));
        }
    }

    @Test
    void aSeededSubsetIsReproducible() throws IOException {
        AttributeVectorsReport first = AttributeVectorsBuilder.build(checkpoint, data, 8, 3);
        byte[] firstFile = Files.readAllBytes(Path.of(first.file()));
        AttributeVectorsReport second = AttributeVectorsBuilder.build(checkpoint, data, 8, 3);

        assertThat(first.windows()).isEqualTo(8);
        assertThat(second).isEqualTo(first);
        assertThat(Files.readAllBytes(Path.of(second.file()))).isEqualTo(firstFile);
        LabelWindows all = windows(16);
        int[][] everyWindow = IntStream.range(0, 16).mapToObj(all::window).toArray(int[][]::new);
        assertThat(AttributeVectorsBuilder.choose(all, 100, 3)).isDeepEqualTo(everyWindow);
    }

    @Test
    void refusesADatasetOfAnotherLength() throws IOException {
        Path oneBar = dir.resolve("one-bar.mpwin");
        WindowDatasetFile.write(oneBar, dataset(1, 16));

        assertThatThrownBy(() -> AttributeVectorsBuilder.build(checkpoint, oneBar, 100, 0))
                .isInstanceOf(IOException.class)
                .hasMessage(oneBar + ": windows have 16 steps but the model in " + checkpoint + " needs 32");
        assertThat(checkpoint.resolve(AttributeVectors.FILE_NAME)).doesNotExist();
    }
}
