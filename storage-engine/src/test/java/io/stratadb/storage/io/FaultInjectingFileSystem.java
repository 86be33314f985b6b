package io.stratadb.storage.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * A {@link FileSystem} for crash and error tests, after LevelDB's fault_injection_test: it passes every
 * call to a real file system but remembers what has been made durable, and {@link #crash()} throws the
 * rest away, as a power cut would:
 *
 * <ul>
 *   <li>each file is cut back to the length it had at its last {@link WritableFile#sync()} (or at
 *       {@link #truncate}, which syncs);
 *   <li>creates and renames not followed by {@link #syncDirectory} on the target's directory are undone,
 *       newest first (a created file is deleted, a renamed one moved back).
 * </ul>
 *
 * <p>After {@code crash()} this instance refuses every call, including through files opened before it,
 * so threads of the "dead" process cannot touch the disk any more. Simulate the restart with
 * {@link #restarted()}, which treats everything then on disk as durable.
 *
 * <p>{@link #failNext} makes the next matching operation throw an {@link IOException} without doing
 * anything (a failed write writes nothing; a failed sync makes nothing durable).
 *
 * <p>Simplifications: deletes take effect (and are durable) at once; a create that truncates an
 * existing file makes its old contents non-durable rather than restorable; a rename over an existing
 * file cannot bring back the file it replaced. Files that existed before this instance first saw them
 * count as durable.
 */
public final class FaultInjectingFileSystem implements FileSystem {

    /** The operations faults can be injected into. */
    public enum Operation {
        CREATE, APPEND, OPEN, READ, WRITE, SYNC, RENAME, DELETE, TRUNCATE, SIZE, LIST, CREATE_DIRECTORIES, SYNC_DIRECTORY
    }

    private final FileSystem delegate;
    /** Every operation holds the read lock; crash() takes the write lock, so it never races a write. */
    private final ReentrantReadWriteLock crashLock = new ReentrantReadWriteLock();
    private final Object stateLock = new Object();
    private final Map<Path, DurableLength> files = new HashMap<>();
    private final List<DirectoryChange> unsyncedChanges = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final AtomicLong syncs = new AtomicLong();
    private volatile boolean crashed;

    public FaultInjectingFileSystem(FileSystem delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** Over the real local file system. */
    public FaultInjectingFileSystem() {
        this(new LocalFileSystem());
    }

    /** A fresh instance over the same files, as a restarted process would see them. */
    public FaultInjectingFileSystem restarted() {
        return new FaultInjectingFileSystem(delegate);
    }

    /** The next {@code op} on any path throws an {@link IOException}. */
    public void failNext(Operation op) {
        failNext(op, p -> true);
    }

    /** The next {@code op} on a path matching {@code which} throws an {@link IOException}. */
    public void failNext(Operation op, Predicate<Path> which) {
        synchronized (stateLock) {
            faults.add(new Fault(Objects.requireNonNull(op), Objects.requireNonNull(which)));
        }
    }

    /** Successful {@link WritableFile#sync()} calls so far. */
    public long syncCount() {
        return syncs.get();
    }

    /** Bytes of {@code file} that would survive a crash now, or -1 if this instance has not seen it written. */
    public long durableLength(Path file) {
        synchronized (stateLock) {
            DurableLength d = files.get(key(file));
            return d == null ? -1 : d.bytes;
        }
    }

    public boolean isCrashed() {
        return crashed;
    }

    /** Drops everything not made durable (see the class comment); this instance is unusable afterwards. */
    public void crash() throws IOException {
        crashLock.writeLock().lock();
        try {
            if (crashed) {
                return;
            }
            crashed = true;
            synchronized (stateLock) {
                for (int i = unsyncedChanges.size() - 1; i >= 0; i--) {
                    undo(unsyncedChanges.get(i));
                }
                unsyncedChanges.clear();
                for (Map.Entry<Path, DurableLength> e : files.entrySet()) {
                    Path p = e.getKey();
                    if (delegate.exists(p) && delegate.size(p) > e.getValue().bytes) {
                        delegate.truncate(p, e.getValue().bytes);
                    }
                }
            }
        } finally {
            crashLock.writeLock().unlock();
        }
    }

    @Override
    public WritableFile create(Path path) throws IOException {
        try (Guard g = enter(Operation.CREATE, path)) {
            Path k = key(path);
            boolean existed = delegate.exists(path);
            WritableFile f = delegate.create(path);
            DurableLength d = new DurableLength(0);
            synchronized (stateLock) {
                files.put(k, d);
                if (!existed) {
                    unsyncedChanges.add(new DirectoryChange(k.getParent(), null, k));
                }
            }
            return new TrackedWritableFile(f, path, d);
        }
    }

    @Override
    public WritableFile append(Path path) throws IOException {
        try (Guard g = enter(Operation.APPEND, path)) {
            WritableFile f = delegate.append(path);
            long size = f.size();
            DurableLength d;
            synchronized (stateLock) {
                d = files.computeIfAbsent(key(path), k -> new DurableLength(size));
            }
            return new TrackedWritableFile(f, path, d);
        }
    }

    @Override
    public ReadableFile open(Path path) throws IOException {
        try (Guard g = enter(Operation.OPEN, path)) {
            return new CheckedReadableFile(delegate.open(path), path);
        }
    }

    @Override
    public void rename(Path from, Path to) throws IOException {
        try (Guard g = enter(Operation.RENAME, from)) {
            delegate.rename(from, to);
            Path kf = key(from);
            Path kt = key(to);
            synchronized (stateLock) {
                DurableLength d = files.remove(kf);
                if (d != null) {
                    files.put(kt, d);
                } else {
                    files.remove(kt);
                }
                unsyncedChanges.add(new DirectoryChange(kt.getParent(), kf, kt));
            }
        }
    }

    @Override
    public void delete(Path path) throws IOException {
        try (Guard g = enter(Operation.DELETE, path)) {
            delegate.delete(path);
            synchronized (stateLock) {
                files.remove(key(path));
            }
        }
    }

    @Override
    public void truncate(Path path, long size) throws IOException {
        try (Guard g = enter(Operation.TRUNCATE, path)) {
            delegate.truncate(path, size);
            synchronized (stateLock) {
                DurableLength d = files.get(key(path));
                if (d != null) {
                    d.bytes = size;
                }
            }
        }
    }

    @Override
    public boolean exists(Path path) {
        if (crashed) {
            throw new UncheckedIOException(crashedException(path));
        }
        return delegate.exists(path);
    }

    @Override
    public long size(Path path) throws IOException {
        try (Guard g = enter(Operation.SIZE, path)) {
            return delegate.size(path);
        }
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        try (Guard g = enter(Operation.LIST, dir)) {
            return delegate.list(dir);
        }
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        try (Guard g = enter(Operation.CREATE_DIRECTORIES, dir)) {
            delegate.createDirectories(dir);
        }
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        try (Guard g = enter(Operation.SYNC_DIRECTORY, dir)) {
            delegate.syncDirectory(dir);
            Path k = key(dir);
            synchronized (stateLock) {
                unsyncedChanges.removeIf(c -> c.directory().equals(k));
            }
        }
    }

    /** Takes the read lock, then refuses the call if crashed or if a fault matches. */
    private Guard enter(Operation op, Path path) throws IOException {
        crashLock.readLock().lock();
        try {
            if (crashed) {
                throw crashedException(path);
            }
            synchronized (stateLock) {
                for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
                    Fault f = it.next();
                    if (f.op() == op && f.which().test(path)) {
                        it.remove();
                        throw new IOException("injected " + op + " failure on " + path);
                    }
                }
            }
            return crashLock.readLock()::unlock;
        } catch (IOException | RuntimeException e) {
            crashLock.readLock().unlock();
            throw e;
        }
    }

    private void undo(DirectoryChange c) throws IOException {
        if (c.from() == null) {
            delegate.delete(c.to());
            files.remove(c.to());
        } else if (delegate.exists(c.to())) {
            delegate.rename(c.to(), c.from());
            DurableLength d = files.remove(c.to());
            if (d != null) {
                files.put(c.from(), d);
            }
        }
    }

    private static IOException crashedException(Path path) {
        return new IOException("simulated crash: this file system is dead (use restarted()); refused " + path);
    }

    private static Path key(Path p) {
        return p.toAbsolutePath().normalize();
    }

    /** Releases the crash read lock; a try-with-resources guard that cannot throw. */
    private interface Guard extends AutoCloseable {
        @Override
        void close();
    }

    private record Fault(Operation op, Predicate<Path> which) {
    }

    /** A create ({@code from == null}) or rename not yet made durable by syncing {@code directory}. */
    private record DirectoryChange(Path directory, Path from, Path to) {
    }

    /** Guarded by stateLock. */
    private static final class DurableLength {
        long bytes;

        DurableLength(long bytes) {
            this.bytes = bytes;
        }
    }

    private final class TrackedWritableFile implements WritableFile {
        private final WritableFile file;
        private final Path path;
        private final DurableLength durable;

        TrackedWritableFile(WritableFile file, Path path, DurableLength durable) {
            this.file = file;
            this.path = path;
            this.durable = durable;
        }

        @Override
        public void write(ByteBuffer src) throws IOException {
            try (Guard g = enter(Operation.WRITE, path)) {
                file.write(src);
            }
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public void sync() throws IOException {
            try (Guard g = enter(Operation.SYNC, path)) {
                file.sync();
                long size = file.size();
                synchronized (stateLock) {
                    durable.bytes = size;
                }
                syncs.incrementAndGet();
            }
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    private final class CheckedReadableFile implements ReadableFile {
        private final ReadableFile file;
        private final Path path;

        CheckedReadableFile(ReadableFile file, Path path) {
            this.file = file;
            this.path = path;
        }

        @Override
        public void readFully(ByteBuffer dst, long position) throws IOException {
            try (Guard g = enter(Operation.READ, path)) {
                file.readFully(dst, position);
            }
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
