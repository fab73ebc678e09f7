package org.melodypalette.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds the MIDI files of a build's inputs: files as given, folders recursively, in a stable order. */
final class CorpusFiles {

    /** A MIDI file and its path relative to the input it was found under ('/' separators). */
    record SourceFile(Path path, String relativePath) {
    }

    private CorpusFiles() {
    }

    static List<SourceFile> collect(List<Path> inputs) throws IOException {
        List<SourceFile> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isRegularFile(input)) {
                files.add(new SourceFile(input, input.getFileName().toString()));
            } else if (Files.isDirectory(input)) {
                files.addAll(walk(input));
            } else {
                throw new IOException("input " + input + " does not exist");
            }
        }
        if (files.isEmpty()) {
            throw new IOException("no MIDI files (.mid, .midi) found in " + inputs);
        }
        return files;
    }

    private static List<SourceFile> walk(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile)
                    .filter(CorpusFiles::isMidi)
                    .map(p -> new SourceFile(p, root.relativize(p).toString().replace('\\', '/')))
                    .sorted((a, b) -> a.relativePath().compareTo(b.relativePath()))
                    .toList();
        } catch (UncheckedIOException e) {
            throw new IOException("cannot list " + root + ": " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static boolean isMidi(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".mid") || name.endsWith(".midi");
    }
}
