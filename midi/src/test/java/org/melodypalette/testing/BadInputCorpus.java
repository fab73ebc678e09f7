package org.melodypalette.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A committed corpus of hand-made bad inputs with the exact problem each must be reported with.
 * A corpus is a folder under {@code src/test/resources/} of the module under test holding the bad
 * files (or folders, e.g. broken checkpoints), a {@code README.md} saying how they were made, and
 * {@value #EXPECTATIONS}: one line per entry, {@code <name><TAB><problem>}; lines starting with
 * {@code #} are comments. Every entry must be listed and every listed entry must exist, so a new
 * bad file cannot be added without its expected message.
 */
public final class BadInputCorpus {

    /** The expectations file in each corpus folder. */
    public static final String EXPECTATIONS = "expected-problems.txt";

    /** One bad input: its file or folder and the problem the reader must report. */
    public record Case(String name, Path path, String problem) {
        @Override
        public String toString() {
            return name;
        }
    }

    private BadInputCorpus() {
    }

    /** The cases of {@code src/test/resources/<folder>}, in the order of the expectations file. */
    public static List<Case> load(String folder) {
        Path dir = Path.of("src/test/resources").resolve(folder);
        List<Case> cases = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve(EXPECTATIONS), StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                assertThat(tab).as("line without a tab in %s: %s", EXPECTATIONS, line).isPositive();
                String name = line.substring(0, tab);
                cases.add(new Case(name, dir.resolve(name), line.substring(tab + 1)));
            }
            try (Stream<Path> entries = Files.list(dir)) {
                List<String> present = entries.map(p -> p.getFileName().toString())
                        .filter(name -> !name.equals(EXPECTATIONS) && !name.equals("README.md"))
                        .toList();
                assertThat(cases).extracting(Case::name).as("entries of %s listed in %s", dir, EXPECTATIONS)
                        .doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(present);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return cases;
    }
}
