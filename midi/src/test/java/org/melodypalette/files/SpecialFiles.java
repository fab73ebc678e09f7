package org.melodypalette.files;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes special files for tests of readers: FIFOs (with {@code mkfifo}) and links to devices. */
public final class SpecialFiles {

    private SpecialFiles() {
    }

    /** A named pipe at {@code path} (nothing writes to it: opening it to read would block forever). */
    public static Path fifo(Path path) throws IOException, InterruptedException {
        Files.deleteIfExists(path);
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available: " + e.getMessage());
            throw e;
        }
        assumeTrue(mkfifo.waitFor() == 0 && Files.exists(path), "mkfifo could not make " + path);
        return path;
    }

    /** A symbolic link at {@code path} to {@code /dev/zero}, an endless device. */
    public static Path linkToDevZero(Path path) throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero");
        Files.deleteIfExists(path);
        return Files.createSymbolicLink(path, Path.of("/dev/zero"));
    }
}
