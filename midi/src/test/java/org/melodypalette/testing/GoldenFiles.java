package org.melodypalette.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file assertions. Golden files are plain text under {@code src/test/resources/golden/}.
 * With {@code -Dgolden.update=true} the file is rewritten and the test fails, so that regenerated
 * output is never accepted silently: review the diff, then run again without the flag.
 */
public final class GoldenFiles {

    private GoldenFiles() {
    }

    /**
     * Compares {@code actual} with the golden file at {@code src/test/resources/golden/<relative>}
     * of the module under test.
     */
    public static void assertMatches(String relative, String actual) {
        Path file = Path.of("src/test/resources/golden").resolve(relative);
        if (Boolean.getBoolean("golden.update")) {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            fail("golden file " + file + " was rewritten (-Dgolden.update=true); review it and rerun without the flag");
        }
        if (!Files.exists(file)) {
            fail("golden file " + file + " is missing; create it with -Dgolden.update=true and review it");
        }
        try {
            assertThat(actual).as("golden file %s", file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
