package org.melodypalette.model.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.melodypalette.model.config.ModelConfig;
import org.melodypalette.model.config.ModelPresets;
import org.melodypalette.testing.SharedData;

/**
 * Our checkpoints list the SHA-256 of each file they write; a flipped byte, a missing file or a
 * malformed list is one {@link CheckpointException} naming the file, and folders without the list
 * (magenta.js's) still load.
 */
class CheckpointChecksumsTest {

    private static final ModelConfig CONFIG = ModelPresets.byName("tiny-test");

    @TempDir
    Path dir;

    private Path folder;

    @BeforeEach
    void writeACheckpoint() throws IOException {
        folder = dir.resolve("model");
        CheckpointFolder.write(folder, CONFIG, RandomWeights.of(CONFIG, 3));
    }

    @Test
    void listsConfigManifestAndShardsInSha256sumFormat() throws IOException {
        List<String> lines = Files.readAllLines(folder.resolve(CheckpointChecksums.FILE_NAME));

        assertThat(lines).extracting(line -> line.substring(66))
                .containsExactly("group1-shard1of1", "weights_manifest.json", "config.json");
        assertThat(lines).allMatch(line -> line.matches("[0-9a-f]{64}  .+"));
        assertThat(lines.get(2)).startsWith(CheckpointChecksums.sha256(folder.resolve("config.json")));
        assertThat(CheckpointFolder.load(folder).weights().size()).isPositive();
    }

    @Test
    void aFlippedByteInsideAShardNamesTheShard() throws IOException {
        flipByte(folder.resolve("group1-shard1of1"), 101);

        assertThatThrownBy(() -> CheckpointFolder.load(folder)).isInstanceOf(CheckpointException.class)
                .hasMessage(folder.resolve("group1-shard1of1") + ": is damaged: its SHA-256 differs from the one "
                        + "checksums.sha256 records (the file changed after the checkpoint was written)");
    }

    @Test
    void aChangedConfigOrManifestNamesThatFile() throws IOException {
        for (String name : List.of("config.json", "weights_manifest.json")) {
            writeACheckpoint();
            flipByte(folder.resolve(name), 3);

            assertThatThrownBy(() -> CheckpointFolder.load(folder)).hasMessageStartingWith(
                    folder.resolve(name) + ": is damaged: ");
        }
    }

    @Test
    void aListedFileThatIsMissingIsNamed() throws IOException {
        Files.delete(folder.resolve("group1-shard1of1"));

        assertThatThrownBy(() -> CheckpointFolder.load(folder)).hasMessage(
                folder.resolve("group1-shard1of1") + ": is missing, but checksums.sha256 lists it");
    }

    @Test
    void aMalformedListIsRefusedWithItsLine() throws IOException {
        Path list = folder.resolve(CheckpointChecksums.FILE_NAME);
        String good = Files.readString(list);
        for (String bad : List.of("", "not a checksum\n", good + good.lines().findFirst().orElseThrow() + "\n",
                good.replace("  config.json", "  ../config.json"), good.toUpperCase())) {
            Files.writeString(list, bad, StandardCharsets.UTF_8);

            assertThatThrownBy(() -> CheckpointFolder.load(folder)).isInstanceOf(CheckpointException.class)
                    .hasMessageStartingWith(list + ": ")
                    .hasMessageMatching(".*(lists no files|line \\d is not '<SHA-256 in 64 hex digits>  <file name in "
                            + "this folder>'|lists group1-shard1of1 twice)");
        }
    }

    @Test
    void filesAddedLaterAreNotCheckedAndAFolderWithoutTheListLoads() throws IOException {
        Files.writeString(folder.resolve("MODEL_CARD.md"), "# notes written by hand\n");
        assertThat(CheckpointFolder.load(folder).config()).isEqualTo(CONFIG);

        Files.delete(folder.resolve(CheckpointChecksums.FILE_NAME));
        assertThat(CheckpointFolder.load(folder).config()).isEqualTo(CONFIG);
        assertThat(CheckpointFolder.load(SharedData.require("magenta/checkpoints/mel_2bar_small_random")).format())
                .isEqualTo(LoadedCheckpoint.Format.MAGENTA_JS);
    }

    @Test
    void theBundledCheckpointsCarryChecksumsThatMatch() throws IOException {
        for (String name : List.of("mel_2bar", "mel_16bar")) {
            Path bundled = Path.of("..", "checkpoints", name);
            assertThat(bundled.resolve(CheckpointChecksums.FILE_NAME)).isRegularFile();
            List<String> shards;
            try (var files = Files.list(bundled)) {
                shards = files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("group1-shard")).toList();
            }
            assertThat(shards).as(name + "'s weight shards").isNotEmpty();
            assertThat(CheckpointChecksums.read(bundled.resolve(CheckpointChecksums.FILE_NAME)).keySet())
                    .contains("config.json", "weights_manifest.json")
                    .containsAll(shards);
            CheckpointChecksums.verify(bundled);
        }
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            int b = raf.read();
            raf.seek(position);
            raf.write(b ^ 0x01);
        }
    }
}
