package org.melodypalette.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Names for the files a command writes, claimed so that nothing is overwritten silently and two
 * runs writing into one folder at once never take the same name: a name is claimed by creating
 * it, empty, with the file system's create-new (which fails if it exists, atomically), and the
 * content then replaces the empty file through {@link AtomicFiles}. With {@code force}, the plain
 * names are used and existing files replaced, as the user asked.
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /**
     * {@code count} names {@code prefix_NN.extension} in {@code dir}, numbered from 01: without
     * {@code force} each is the next number whose file does not exist yet, created empty here;
     * with it, 01..count whatever exists.
     */
    public static List<Path> claimNumbered(Path dir, String prefix, String extension, int count, boolean force)
            throws IOException {
        Files.createDirectories(dir);
        List<Path> names = new ArrayList<>();
        int number = 1;
        while (names.size() < count) {
            Path candidate = dir.resolve(String.format(Locale.ROOT, "%s_%02d.%s", prefix, number++, extension));
            if (force || tryCreate(candidate)) {
                names.add(candidate);
            }
        }
        return names;
    }

    /**
     * Claims {@code target}: creates it empty, or, when it exists, refuses with "FILE: already
     * exists; …" unless {@code force}.
     */
    public static void claim(Path target, boolean force) throws IOException {
        if (force) {
            return;
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!tryCreate(target)) {
            throw new FileAlreadyExistsException(target.toString(), null,
                    "already exists; give --force to replace it, or choose another name");
        }
    }

    /** Deletes claimed names that are still empty (their content was never written). */
    public static void releaseUnwritten(List<Path> claimed) {
        for (Path file : claimed) {
            try {
                if (Files.isRegularFile(file) && Files.size(file) == 0) {
                    Files.delete(file);
                }
            } catch (IOException e) {
                // Best effort: an empty file left behind is harmless and says what was meant.
            }
        }
    }

    private static boolean tryCreate(Path file) throws IOException {
        try {
            Files.createFile(file);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }
}
