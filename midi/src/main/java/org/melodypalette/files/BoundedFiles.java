package org.melodypalette.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The one way user files are read: only regular files (a FIFO would block forever, a device such
 * as {@code /dev/zero} never ends, and a symbolic link is judged by what it points to), and never
 * more than a limit, counted on the bytes actually read rather than on the size the file system
 * reports. Every refusal is a {@link Refused} naming the file and saying what is wrong with it, so
 * each reader can rethrow it as its own exception type.
 */
public final class BoundedFiles {

    /** A file refused before or while reading; {@link #problem} is the sentence without the file name. */
    public static final class Refused extends IOException {
        private final transient Path file;
        private final String problem;

        public Refused(Path file, String problem) {
            super(file + ": " + problem);
            this.file = file;
            this.problem = problem;
        }

        public Path file() {
            return file;
        }

        public String problem() {
            return problem;
        }
    }

    private BoundedFiles() {
    }

    /**
     * The size of {@code file}, which must exist and be a regular file (after following links).
     *
     * @throws NoSuchFileException if there is nothing at {@code file}
     * @throws Refused             if it is a folder, FIFO, socket or device
     */
    public static long regularSize(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        if (!attributes.isRegularFile()) {
            throw new Refused(file, attributes.isDirectory() ? "is a folder, not a file"
                    : "is not a regular file (a FIFO, socket or device); refusing to read it");
        }
        return attributes.size();
    }

    /** The whole of a regular file of at most {@code maxBytes} bytes. */
    public static byte[] read(Path file, int maxBytes) throws IOException {
        if (regularSize(file) > maxBytes) {
            throw tooLarge(file, maxBytes);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1); // one byte more tells a file that grew since
            if (bytes.length > maxBytes) {
                throw tooLarge(file, maxBytes);
            }
            return bytes;
        }
    }

    /**
     * A stream over a regular file that fails with {@link Refused} once more than {@code maxBytes}
     * bytes have been read from it, whatever size the file claims.
     */
    public static InputStream open(Path file, long maxBytes) throws IOException {
        if (regularSize(file) > maxBytes) {
            throw tooLarge(file, maxBytes);
        }
        return new LimitedStream(Files.newInputStream(file), file, maxBytes);
    }

    /** "is larger than N MB" (or bytes, below a megabyte). */
    public static Refused tooLarge(Path file, long maxBytes) {
        String limit = maxBytes >= 1 << 20 && maxBytes % (1 << 20) == 0 ? (maxBytes >> 20) + " MB" : maxBytes + " bytes";
        return new Refused(file, "is larger than " + limit);
    }

    private static final class LimitedStream extends FilterInputStream {
        private final Path file;
        private final long maxBytes;
        private long read;

        LimitedStream(InputStream in, Path file, long maxBytes) {
            super(in);
            this.file = file;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, (int) Math.min(length, maxBytes - read + 1));
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(Math.min(n, maxBytes - read + 1));
            count(skipped);
            return skipped;
        }

        private void count(long n) throws Refused {
            read += n;
            if (read > maxBytes) {
                throw tooLarge(file, maxBytes);
            }
        }
    }
}
