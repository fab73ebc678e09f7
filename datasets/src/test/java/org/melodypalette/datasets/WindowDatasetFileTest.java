package org.melodypalette.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WindowDatasetFileTest {

    @TempDir
    Path dir;

    private static WindowDataset sample() {
        DatasetInfo info = new DatasetInfo(1, 4, List.of("corpus/"), Map.of("gapBars", 1),
                Map.of("files", 2));
        return new WindowDataset(info,
                LabelWindows.of(4, List.of(new int[] {41, 0, 0, 1}, new int[] {89, 0, 2, 0})),
                LabelWindows.of(4, List.of(new int[] {0, 0, 0, 0})));
    }

    @Test
    void writeThenReadIsEqual() throws IOException {
        Path file = dir.resolve("d.bin");
        WindowDatasetFile.write(file, sample());

        WindowDataset read = WindowDatasetFile.read(file);

        assertThat(read).isEqualTo(sample());
        assertThat(read.train().window(1)).containsExactly(89, 0, 2, 0);
    }

    @Test
    void refusesATruncatedFile() throws IOException {
        Path file = dir.resolve("d.bin");
        WindowDatasetFile.write(file, sample());
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3));

        assertThatThrownBy(() -> WindowDatasetFile.read(file))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("d.bin")
                .hasMessageContaining("but has " + (bytes.length - 3) + " bytes");
    }

    @Test
    void refusesAFileThatIsNotADataset() throws IOException {
        Path file = dir.resolve("song.mid");
        Files.write(file, "MThd\0\0\0\6".getBytes());

        assertThatThrownBy(() -> WindowDatasetFile.read(file))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("song.mid: not a Melody Palette dataset file");
    }

    @Test
    void refusesLabelsOutsideTheVocabulary() throws IOException {
        Path file = dir.resolve("d.bin");
        WindowDatasetFile.write(file, sample());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] = 90;
        Files.write(file, bytes);

        assertThatThrownBy(() -> WindowDatasetFile.read(file))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("label 90");
    }

    @Test
    void missingFileIsNamed() {
        assertThatThrownBy(() -> WindowDatasetFile.read(dir.resolve("nope.bin")))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageContaining("nope.bin: file not found");
    }
}
