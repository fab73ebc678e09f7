package org.melodypalette.model.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Replaces a whole folder so that a reader (or a run restarted after {@code kill -9}) always finds
 * a complete one: the new content is written into the sibling {@code NAME.tmp}, then the current
 * folder is renamed to {@code NAME.old}, {@code NAME.tmp} to {@code NAME}, and {@code NAME.old} is
 * deleted. If a crash leaves no {@code NAME} but a {@code NAME.old}, {@link #recover} puts the old
 * one back. Files in the current folder that the new content does not contain (a model card
 * added by hand, say) are carried over, so nothing the user put there is lost.
 */
public final class AtomicFolder {

    /** Fills a new, empty folder. */
    @FunctionalInterface
    public interface Content {
        void writeInto(Path folder) throws IOException;
    }

    private AtomicFolder() {
    }

    public static Path temporary(Path folder) {
        return sibling(folder, ".tmp");
    }

    public static Path previous(Path folder) {
        return sibling(folder, ".old");
    }

    /** Restores {@code NAME} from {@code NAME.old} after a crash in the middle of a swap. */
    public static void recover(Path folder) throws IOException {
        Path old = previous(folder);
        if (!Files.exists(folder) && Files.isDirectory(old)) {
            Files.move(old, folder, StandardCopyOption.ATOMIC_MOVE);
        } else if (Files.exists(old)) {
            deleteRecursively(old);
        }
    }

    /** Writes {@code content} into a fresh folder and swaps it in place of {@code folder}. */
    public static void replace(Path folder, Content content) throws IOException {
        Path target = folder.toAbsolutePath();
        Files.createDirectories(target.getParent());
        recover(target);
        Path temp = temporary(target);
        deleteRecursively(temp);
        Files.createDirectory(temp);
        content.writeInto(temp);
        Path old = previous(target);
        if (Files.isDirectory(target)) {
            carryOverExtraFiles(target, temp);
            force(temp);
            Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
        } else {
            force(temp);
        }
        move(temp, target);
        force(target.getParent());
        deleteRecursively(old);
    }

    private static void carryOverExtraFiles(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = to.resolve(file.getFileName().toString());
                if (Files.isRegularFile(file) && !Files.exists(copy)) {
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Flushes a folder's entries (its new names) to disk; best effort where the OS has no such call. */
    private static void force(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Some platforms cannot open a directory for sync; the renames are still atomic there.
        }
    }

    /** Deletes {@code path} and everything under it, if it exists. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Path sibling(Path folder, String suffix) {
        Path absolute = folder.toAbsolutePath();
        return absolute.resolveSibling(absolute.getFileName() + suffix);
    }
}
