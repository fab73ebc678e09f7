package org.melodypalette.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the read-only shared material ({@code ../shared} beside the clone: corpora, magenta.js
 * checkpoints and goldens). Tests that need it call {@link #require(String)}: when it is absent the
 * test is skipped with a message saying what is missing and where it was looked for. CI always
 * has it.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The shared folder: {@code -Dshared.dir}, else {@code ../shared} from the repository root. */
    public static Path root() {
        String configured = System.getProperty("shared.dir");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        return (dir == null ? Path.of("..") : dir).resolve("../shared").normalize();
    }

    /** {@code root()/relative}, or skips the calling test when it does not exist. */
    public static Path require(String relative) {
        Path path = root().resolve(relative);
        Assumptions.assumeTrue(Files.exists(path),
                () -> "shared data not found: " + path + " (clone the project beside ../shared, or set -Dshared.dir)");
        return path;
    }

    /**
     * Copies the files of the shared folder {@code relative} (e.g. a checkpoint) into a new folder
     * {@code target}, for tests that write beside them; skips the test when it is absent.
     */
    public static Path copyTo(String relative, Path target) throws IOException {
        Path source = require(relative);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }
}
