package org.melodypalette.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared reader on special files made for real: a FIFO (which would block a plain read
 * forever), links to {@code /dev/zero} and {@code /dev/urandom} (endless), a folder, and a
 * {@code /proc} file whose size the file system reports as 0 although it holds more.
 */
@Timeout(60) // guards against a hang, which is the failure being tested; not a timing assertion
class BoundedFilesTest {

    private static final String NOT_REGULAR = "is not a regular file (a FIFO, socket or device); refusing to read it";

    @TempDir
    Path dir;

    @Test
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = SpecialFiles.fifo(dir.resolve("config.json"));

        assertThatThrownBy(() -> BoundedFiles.read(fifo, 1 << 20)).isInstanceOf(BoundedFiles.Refused.class)
                .hasMessage(fifo + ": " + NOT_REGULAR);
        assertThatThrownBy(() -> BoundedFiles.open(fifo, 1 << 20)).hasMessage(fifo + ": " + NOT_REGULAR);
    }

    @Test
    void linksToEndlessDevicesAreJudgedByWhatTheyPointTo() throws IOException {
        for (String device : new String[] {"/dev/zero", "/dev/urandom"}) {
            assumeTrue(Files.exists(Path.of(device)));
            Path link = Files.createSymbolicLink(dir.resolve("link-to-" + Path.of(device).getFileName()), Path.of(device));

            assertThatThrownBy(() -> BoundedFiles.read(link, 1 << 20)).hasMessage(link + ": " + NOT_REGULAR);
            assertThatThrownBy(() -> BoundedFiles.regularSize(link)).isInstanceOf(BoundedFiles.Refused.class);
        }
    }

    @Test
    void aFolderAndAMissingFileAreNamed() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("shard"));

        assertThatThrownBy(() -> BoundedFiles.read(folder, 10)).hasMessage(folder + ": is a folder, not a file");
        assertThatThrownBy(() -> BoundedFiles.read(dir.resolve("none"), 10)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void theLimitCountsTheBytesReadNotTheSizeTheFileClaims() throws IOException {
        Path claimsZero = Path.of("/proc/self/status");
        assumeTrue(Files.isRegularFile(claimsZero) && Files.size(claimsZero) == 0);

        assertThatThrownBy(() -> BoundedFiles.read(claimsZero, 100)).hasMessage(claimsZero + ": is larger than 100 bytes");
        try (InputStream in = BoundedFiles.open(claimsZero, 100)) {
            assertThatThrownBy(in::readAllBytes).hasMessage(claimsZero + ": is larger than 100 bytes");
        }
        assertThat(BoundedFiles.read(claimsZero, 1 << 20)).isNotEmpty();
    }

    @Test
    void aRegularFileWithinTheLimitReadsWhole() throws IOException {
        Path file = Files.write(dir.resolve("ok.json"), new byte[] {'{', '}'});
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), file);

        assertThat(BoundedFiles.read(file, 2)).containsExactly('{', '}');
        assertThat(BoundedFiles.read(link, 2)).containsExactly('{', '}');
        assertThatThrownBy(() -> BoundedFiles.read(file, 1)).hasMessage(file + ": is larger than 1 bytes");
        assertThatThrownBy(() -> BoundedFiles.open(file, 1)).hasMessage(file + ": is larger than 1 bytes");
    }
}
