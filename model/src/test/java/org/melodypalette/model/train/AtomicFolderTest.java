package org.melodypalette.model.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFolderTest {

    @TempDir
    Path dir;

    private void writeVersion(Path folder, String version) throws IOException {
        AtomicFolder.replace(folder, f -> Files.writeString(f.resolve("data.txt"), version));
    }

    @Test
    void replaceSwapsInTheNewContentAndLeavesNoSiblings() throws IOException {
        Path folder = dir.resolve("ckpt");
        writeVersion(folder, "1");
        writeVersion(folder, "2");

        assertThat(Files.readString(folder.resolve("data.txt"))).isEqualTo("2");
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("ckpt");
        }
    }

    @Test
    void aCrashBetweenTheRenamesIsRecoveredFromTheOldFolder() throws IOException {
        Path folder = dir.resolve("ckpt");
        writeVersion(folder, "1");
        // The state a kill leaves after "NAME → NAME.old" and before "NAME.tmp → NAME".
        Files.move(folder, AtomicFolder.previous(folder));
        Files.createDirectory(AtomicFolder.temporary(folder));

        assertThat(TrainingCheckpoint.exists(folder)).isFalse();
        assertThat(Files.readString(folder.resolve("data.txt"))).isEqualTo("1");
        writeVersion(folder, "2");
        assertThat(Files.readString(folder.resolve("data.txt"))).isEqualTo("2");
        assertThat(AtomicFolder.temporary(folder)).doesNotExist();
    }

    @Test
    void filesAddedByHandAreCarriedOver() throws IOException {
        Path folder = dir.resolve("ckpt");
        writeVersion(folder, "1");
        Files.writeString(folder.resolve("MODEL_CARD.md"), "# notes");

        writeVersion(folder, "2");

        assertThat(Files.readString(folder.resolve("MODEL_CARD.md"))).isEqualTo("# notes");
    }

    @Test
    void aFailingWriterLeavesTheCurrentFolderUntouched() throws IOException {
        Path folder = dir.resolve("ckpt");
        writeVersion(folder, "1");

        assertThatThrownBy(() -> AtomicFolder.replace(folder, f -> {
            Files.writeString(f.resolve("data.txt"), "half");
            throw new IOException("disk full");
        })).hasMessage("disk full");

        assertThat(Files.readString(folder.resolve("data.txt"))).isEqualTo("1");
    }
}
