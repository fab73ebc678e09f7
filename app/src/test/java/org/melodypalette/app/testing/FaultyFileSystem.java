package org.melodypalette.app.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.ProviderMismatchException;
import java.nio.file.StandardOpenOption;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.spi.FileSystemProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The default file system with faults a real disk has, for tests: a <b>full disk</b> (writes past
 * a byte budget fail with {@code IOException("No space left on device")} after writing what still
 * fits, as the JDK reports ENOSPC), <b>read-only folders</b> (creating, replacing, deleting or
 * writing entries is refused with {@link AccessDeniedException}, as for a folder without write
 * permission), hooks run before any file is opened for writing (to hold a write in progress) and
 * after each move (to know when an atomic write has landed), and writes split in two halves with a
 * hook between them (to hold or kill a writer halfway through a file).
 *
 * <p>Paths are the default file system's paths, wrapped one to one ({@link #wrap}); code under test
 * uses them like any path. It exists because the tests run as root, whom POSIX permissions do not
 * stop, and because CI cannot mount a small file system.
 */
public final class FaultyFileSystem extends FileSystem {

    /** The message the JDK gives for ENOSPC on Linux. */
    public static final String DISK_FULL = "No space left on device";

    private final FileSystem real = FileSystems.getDefault();
    private final Provider provider = new Provider();
    private final AtomicLong freeBytes = new AtomicLong(Long.MAX_VALUE);
    private final Set<Path> readOnlyFolders = ConcurrentHashMap.newKeySet();
    private volatile Consumer<Path> beforeOpeningForWrite = path -> { };
    private volatile Consumer<Path> afterMoving = path -> { };
    private volatile Consumer<Path> betweenHalves;

    /** The same file as {@code realPath}, on this file system. */
    public Path wrap(Path realPath) {
        if (realPath instanceof FaultyPath faulty) {
            return faulty;
        }
        return realPath == null ? null : new FaultyPath(this, realPath);
    }

    /** Bytes that can still be written before the disk is full ({@code 0}: full now). */
    public void setFreeBytes(long bytes) {
        freeBytes.set(bytes);
    }

    /** From now on, nothing in {@code folder} can be created, replaced, deleted or written. */
    public void makeReadOnly(Path folder) {
        readOnlyFolders.add(unwrap(folder).toAbsolutePath().normalize());
    }

    /** Runs {@code hook} with each file about to be opened for writing (on the writing thread). */
    public void beforeOpeningForWrite(Consumer<Path> hook) {
        beforeOpeningForWrite = hook;
    }

    /** Runs {@code hook} with the target of each completed move (rename), on the moving thread. */
    public void afterMoving(Consumer<Path> hook) {
        afterMoving = hook;
    }

    /**
     * From now on each write of two or more bytes is done in two halves, with {@code hook} run in
     * between (on the writing thread) with the file: a test can hold or kill a writer halfway.
     */
    public void splitWrites(Consumer<Path> hook) {
        betweenHalves = hook;
    }

    // The faults

    private void checkWritable(Path realEntry) throws AccessDeniedException {
        Path folder = realEntry.toAbsolutePath().normalize().getParent();
        if (folder != null && readOnlyFolders.contains(folder)) {
            throw new AccessDeniedException(realEntry.toString());
        }
    }

    /** Takes up to {@code wanted} bytes of free space; returns how many were granted. */
    private long take(long wanted) {
        while (true) {
            long free = freeBytes.get();
            long granted = Math.min(free, wanted);
            if (free == Long.MAX_VALUE || freeBytes.compareAndSet(free, free - granted)) {
                return free == Long.MAX_VALUE ? wanted : granted;
            }
        }
    }

    /** Writes {@code src} to {@code file}, in two halves if {@link #splitWrites} asked for it. */
    private int write(Path file, ByteBuffer src, ChannelWrite write) throws IOException {
        Consumer<Path> hook = betweenHalves;
        if (hook == null || src.remaining() < 2) {
            return writeWithinQuota(src, write);
        }
        ByteBuffer firstHalf = src.duplicate();
        firstHalf.limit(src.position() + src.remaining() / 2);
        int written = writeFully(firstHalf, write);
        src.position(src.position() + written);
        hook.accept(file);
        return written + writeFully(src, write);
    }

    private int writeFully(ByteBuffer buffer, ChannelWrite write) throws IOException {
        int written = 0;
        while (buffer.hasRemaining()) {
            written += writeWithinQuota(buffer, write);
        }
        return written;
    }

    /** Writes {@code src} through {@code write} as far as free space allows, then fails as ENOSPC does. */
    private int writeWithinQuota(ByteBuffer src, ChannelWrite write) throws IOException {
        int wanted = src.remaining();
        int granted = (int) take(wanted);
        if (granted < wanted) {
            ByteBuffer part = src.duplicate();
            part.limit(part.position() + granted);
            int written = write.write(part);
            src.position(src.position() + written);
            throw new IOException(DISK_FULL);
        }
        return write.write(src);
    }

    @FunctionalInterface
    private interface ChannelWrite {
        int write(ByteBuffer buffer) throws IOException;
    }

    private static boolean writes(Set<? extends OpenOption> options) {
        return options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
    }

    private Path unwrap(Path path) {
        if (path instanceof FaultyPath faulty) {
            return faulty.real;
        }
        if (path.getFileSystem() == real) {
            return path;
        }
        throw new ProviderMismatchException(path.toString());
    }

    // FileSystem

    @Override
    public FileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        // Nothing to release: the files live on the default file system.
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return real.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        List<Path> roots = new ArrayList<>();
        real.getRootDirectories().forEach(root -> roots.add(wrap(root)));
        return roots;
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return real.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return real.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
        return wrap(real.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher matcher = real.getPathMatcher(syntaxAndPattern);
        return path -> matcher.matches(unwrap(path));
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return real.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("no watching on the faulty file system");
    }

    /** A default-file-system path seen through the faulty file system. */
    private static final class FaultyPath implements Path {

        private final FaultyFileSystem fs;
        private final Path real;

        FaultyPath(FaultyFileSystem fs, Path real) {
            this.fs = fs;
            this.real = real;
        }

        @Override
        public FileSystem getFileSystem() {
            return fs;
        }

        @Override
        public boolean isAbsolute() {
            return real.isAbsolute();
        }

        @Override
        public Path getRoot() {
            return fs.wrap(real.getRoot());
        }

        @Override
        public Path getFileName() {
            return fs.wrap(real.getFileName());
        }

        @Override
        public Path getParent() {
            return fs.wrap(real.getParent());
        }

        @Override
        public int getNameCount() {
            return real.getNameCount();
        }

        @Override
        public Path getName(int index) {
            return fs.wrap(real.getName(index));
        }

        @Override
        public Path subpath(int beginIndex, int endIndex) {
            return fs.wrap(real.subpath(beginIndex, endIndex));
        }

        @Override
        public boolean startsWith(Path other) {
            return other instanceof FaultyPath p && real.startsWith(p.real);
        }

        @Override
        public boolean endsWith(Path other) {
            return other instanceof FaultyPath p && real.endsWith(p.real);
        }

        @Override
        public Path normalize() {
            return fs.wrap(real.normalize());
        }

        @Override
        public Path resolve(Path other) {
            return fs.wrap(real.resolve(fs.unwrap(other)));
        }

        @Override
        public Path relativize(Path other) {
            return fs.wrap(real.relativize(fs.unwrap(other)));
        }

        @Override
        public URI toUri() {
            return real.toUri();
        }

        @Override
        public Path toAbsolutePath() {
            return fs.wrap(real.toAbsolutePath());
        }

        @Override
        public Path toRealPath(LinkOption... options) throws IOException {
            return fs.wrap(real.toRealPath(options));
        }

        @Override
        public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
            throw new UnsupportedOperationException("no watching on the faulty file system");
        }

        @Override
        public int compareTo(Path other) {
            return real.compareTo(fs.unwrap(other));
        }

        @Override
        public Iterator<Path> iterator() {
            List<Path> names = new ArrayList<>();
            real.forEach(name -> names.add(fs.wrap(name)));
            return names.iterator();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FaultyPath p && p.fs == fs && p.real.equals(real);
        }

        @Override
        public int hashCode() {
            return real.hashCode();
        }

        @Override
        public String toString() {
            return real.toString();
        }
    }

    /** Delegates to the default provider, failing where the faults say. */
    private final class Provider extends FileSystemProvider {

        @Override
        public String getScheme() {
            return "faulty";
        }

        @Override
        public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
            throw new UnsupportedOperationException("create it with new FaultyFileSystem()");
        }

        @Override
        public FileSystem getFileSystem(URI uri) {
            throw new UnsupportedOperationException("not registered; use FaultyFileSystem#wrap");
        }

        @Override
        public Path getPath(URI uri) {
            throw new UnsupportedOperationException("not registered; use FaultyFileSystem#wrap");
        }

        @Override
        public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
                                                  FileAttribute<?>... attrs) throws IOException {
            Path file = unwrap(path);
            if (!writes(options)) {
                return Files.newByteChannel(file, options, attrs);
            }
            checkWritable(file);
            beforeOpeningForWrite.accept(path);
            return new QuotaFileChannel(path, FileChannel.open(file, options, attrs));
        }

        @Override
        public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options,
                                          FileAttribute<?>... attrs) throws IOException {
            Path file = unwrap(path);
            if (!writes(options)) {
                return FileChannel.open(file, options, attrs);
            }
            checkWritable(file);
            beforeOpeningForWrite.accept(path);
            return new QuotaFileChannel(path, FileChannel.open(file, options, attrs));
        }

        @Override
        public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
                throws IOException {
            DirectoryStream<Path> entries = Files.newDirectoryStream(unwrap(dir), p -> filter.accept(wrap(p)));
            return new DirectoryStream<>() {
                @Override
                public Iterator<Path> iterator() {
                    Iterator<Path> inner = entries.iterator();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return inner.hasNext();
                        }

                        @Override
                        public Path next() {
                            return wrap(inner.next());
                        }
                    };
                }

                @Override
                public void close() throws IOException {
                    entries.close();
                }
            };
        }

        @Override
        public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
            checkWritable(unwrap(dir));
            Files.createDirectory(unwrap(dir), attrs);
        }

        @Override
        public void delete(Path path) throws IOException {
            checkWritable(unwrap(path));
            Files.delete(unwrap(path));
        }

        @Override
        public void copy(Path source, Path target, CopyOption... options) throws IOException {
            checkWritable(unwrap(target));
            long size = Files.size(unwrap(source));
            if (take(size) < size) {
                throw new IOException(DISK_FULL);
            }
            Files.copy(unwrap(source), unwrap(target), options);
        }

        @Override
        public void move(Path source, Path target, CopyOption... options) throws IOException {
            checkWritable(unwrap(source));
            checkWritable(unwrap(target));
            Files.move(unwrap(source), unwrap(target), options);
            afterMoving.accept(target);
        }

        @Override
        public boolean isSameFile(Path path, Path path2) throws IOException {
            return Files.isSameFile(unwrap(path), unwrap(path2));
        }

        @Override
        public boolean isHidden(Path path) throws IOException {
            return Files.isHidden(unwrap(path));
        }

        @Override
        public FileStore getFileStore(Path path) throws IOException {
            return Files.getFileStore(unwrap(path));
        }

        @Override
        public void checkAccess(Path path, AccessMode... modes) throws IOException {
            Path file = unwrap(path);
            for (AccessMode mode : modes) {
                if (mode == AccessMode.WRITE && readOnlyFolders.contains(file.toAbsolutePath().normalize())) {
                    throw new AccessDeniedException(file.toString());
                }
            }
            file.getFileSystem().provider().checkAccess(file, modes);
        }

        @Override
        public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
            return Files.getFileAttributeView(unwrap(path), type, options);
        }

        @Override
        public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
                throws IOException {
            return Files.readAttributes(unwrap(path), type, options);
        }

        @Override
        public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
                throws IOException {
            return Files.readAttributes(unwrap(path), attributes, options);
        }

        @Override
        public void setAttribute(Path path, String attribute, Object value, LinkOption... options)
                throws IOException {
            checkWritable(unwrap(path));
            Files.setAttribute(unwrap(path), attribute, value, options);
        }
    }

    /** A file channel whose writes take free space. */
    private final class QuotaFileChannel extends FileChannel {

        private final Path file;
        private final FileChannel inner;

        QuotaFileChannel(Path file, FileChannel inner) {
            this.file = file;
            this.inner = inner;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return inner.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return inner.read(dsts, offset, length);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return FaultyFileSystem.this.write(file, src, inner::write);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long written = 0;
            for (int i = offset; i < offset + length; i++) {
                written += write(srcs[i]);
            }
            return written;
        }

        @Override
        public long position() throws IOException {
            return inner.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            inner.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return inner.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            inner.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            inner.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return inner.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            if (take(count) < count) {
                throw new IOException(DISK_FULL);
            }
            return inner.transferFrom(src, position, count);
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return inner.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            return writeWithinQuota(src, buffer -> inner.write(buffer, position));
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) {
            throw new UnsupportedOperationException("no mapping on the faulty file system");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return inner.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return inner.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            inner.close();
        }
    }
}
