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
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;

/**
 * A {@link FileSystem} for crash and error tests, after LevelDB's fault_injection_test: it passes every
 * call to a real file system but remembers what has been made durable, and {@link #crash()} throws the
 * rest away, as a power cut would:
 *
 * <ul>
 *   <li>creates, renames and deletes not followed by {@link #syncDirectory} on the target's directory
 *       are undone, newest first (a created file is deleted, a renamed one moved back, a deleted one
 *       brought back with the contents it would have had after a crash at the moment of the delete);
 *   <li>bytes overwritten in place (through {@link #openForOverwrite}) since the file's last
 *       {@link WritableFile#sync()} get back their synced contents;
 *   <li>each file is cut back to the length it had at its last sync (or at {@link #truncate}, which
 *       syncs).
 * </ul>
 *
 * <p>{@code crash()} thus loses every unsynced write entirely. {@link #crashLosingUnsyncedPagesRandomly}
 * models a power cut during (or before) an fsync instead: the disk may have persisted any subset of the
 * dirty pages, in any order, so each unsynced 4 KiB page of an overwrite independently keeps its new or
 * its synced contents, and unsynced appended bytes are cut at a random page boundary. (Unsynced
 * directory changes are still all undone; pages are the unit, not sectors.) {@link #powerCutAtSync}
 * arms one to fall in place of a chosen sync, the moment with the most unsynced data; afterwards
 * {@link #durableContentsAtCrash} tells a test exactly what the syncs had made durable.
 *
 * <p>After {@code crash()} this instance refuses every call, including through files opened before it,
 * so threads of the "dead" process cannot touch the disk any more. Simulate the restart with
 * {@link #restarted()}, which treats everything then on disk as durable.
 *
 * <p>{@link #failNext} makes the next matching operation throw an {@link IOException} without doing
 * anything (a failed write writes nothing; a failed sync makes nothing durable).
 *
 * <p>Simplifications: a create that truncates an existing file makes its old contents non-durable
 * rather than restorable; a rename over an existing file cannot bring back the file it replaced; a
 * deleted file is kept in memory until its directory is synced. Files that existed before this instance
 * first saw them count as durable. Sync is per file, as fdatasync is: syncing through one handle makes
 * every handle's writes to that file durable.
 */
public final class FaultInjectingFileSystem implements FileSystem {

    /** The operations faults can be injected into. */
    public enum Operation {
        CREATE, APPEND, OPEN_FOR_OVERWRITE, OPEN, READ, WRITE, SYNC, RENAME, DELETE, TRUNCATE, SIZE, LIST,
        LIST_DIRECTORIES, CREATE_DIRECTORIES, SYNC_DIRECTORY
    }

    private final FileSystem delegate;
    /** Every operation holds the read lock; crash() takes the write lock, so it never races a write. */
    private final ReentrantReadWriteLock crashLock = new ReentrantReadWriteLock();
    private final Object stateLock = new Object();
    private final Map<Path, DurableFileState> files = new HashMap<>();
    private final List<DirectoryChange> unsyncedChanges = new ArrayList<>();
    private final List<Fault> faults = new ArrayList<>();
    private final AtomicLong syncs = new AtomicLong();
    /** Syncs left before an armed power cut (see {@link #powerCutAtSync}); 0 when none is armed. */
    private final AtomicLong syncsBeforePowerCut = new AtomicLong();
    private volatile Random powerCutRandom;
    private volatile Predicate<Path> powerCutFiles = p -> true;
    /** What each written file held durably when the crash came (before a power cut's random choices). */
    private final Map<Path, byte[]> durableAtCrash = new HashMap<>();
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
            DurableFileState d = files.get(key(file));
            return d == null ? -1 : d.length();
        }
    }

    /**
     * The contents {@code file} would have after a crash now (as far as the file itself goes: whether
     * its directory entry survives is another matter). A file this instance has not seen written counts
     * as durable as it is.
     */
    public byte[] durableContents(Path file) throws IOException {
        try (Guard g = enter(null, file)) {
            synchronized (stateLock) {
                byte[] current = readAll(file);
                DurableFileState d = files.get(key(file));
                return d == null ? current : d.durableContents(current);
            }
        }
    }

    /**
     * After a crash: what {@code file} held durably at that moment, i.e. exactly what its syncs had made
     * durable (a power cut may have kept more). Null if this instance never saw the file written: then
     * it is on disk as it was.
     */
    public byte[] durableContentsAtCrash(Path file) {
        if (!crashed) {
            throw new IllegalStateException("not crashed");
        }
        synchronized (stateLock) {
            byte[] b = durableAtCrash.get(key(file));
            return b == null ? null : b.clone();
        }
    }

    public boolean isCrashed() {
        return crashed;
    }

    /** Drops everything not made durable (see the class comment); this instance is unusable afterwards. */
    public void crash() throws IOException {
        crash(null);
    }

    /**
     * A power cut: like {@link #crash()}, except that each page overwritten since its file's last sync
     * survives with its new contents or reverts to its synced ones, at random and independently, and
     * bytes appended since the last sync are cut at a random page boundary. What was synced always
     * survives. This instance is unusable afterwards.
     */
    public void crashLosingUnsyncedPagesRandomly(Random random) throws IOException {
        crash(Objects.requireNonNull(random, "random"));
    }

    /**
     * Arms a power cut at the {@code n}th {@link WritableFile#sync()} from now (on any file): instead of
     * syncing, that call runs {@link #crashLosingUnsyncedPagesRandomly} and fails. This is the moment a
     * real power cut does most harm, with a whole batch written and none of it durable; a test that
     * crashes at a random time rarely hits it when syncs cost nothing.
     */
    public void powerCutAtSync(long n, Random random) {
        powerCutAtSync(n, random, p -> true);
    }

    /** Like {@link #powerCutAtSync(long, Random)}, counting only syncs of files matching {@code which}. */
    public void powerCutAtSync(long n, Random random, Predicate<Path> which) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        powerCutRandom = Objects.requireNonNull(random, "random");
        powerCutFiles = Objects.requireNonNull(which, "which");
        syncsBeforePowerCut.set(n);
    }

    /** True once, for the sync that an armed power cut falls on. */
    private boolean powerCutDue(Path path) {
        return syncsBeforePowerCut.get() > 0 && powerCutFiles.test(path) && syncsBeforePowerCut.decrementAndGet() == 0;
    }

    private void crash(Random random) throws IOException {
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
                for (Map.Entry<Path, DurableFileState> e : files.entrySet()) {
                    if (delegate.exists(e.getKey())) {
                        durableAtCrash.put(e.getKey(), e.getValue().durableContents(readAll(e.getKey())));
                    }
                }
                // Sorted, so that a given Random makes the same choices for the same files.
                for (Map.Entry<Path, DurableFileState> e : new TreeMap<>(files).entrySet()) {
                    e.getValue().restore(delegate, e.getKey(), random);
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
            DurableFileState d = new DurableFileState(0);
            synchronized (stateLock) {
                files.put(k, d);
                if (!existed) {
                    unsyncedChanges.add(new Created(k.getParent(), k));
                }
            }
            return new TrackedWritableFile(f, path, d, null);
        }
    }

    @Override
    public WritableFile append(Path path) throws IOException {
        try (Guard g = enter(Operation.APPEND, path)) {
            WritableFile f = delegate.append(path);
            long size = f.size();
            DurableFileState d;
            synchronized (stateLock) {
                d = files.computeIfAbsent(key(path), k -> new DurableFileState(size));
            }
            // Appends only write past the synced length, which a crash cuts off: no reader needed.
            return new TrackedWritableFile(f, path, d, null);
        }
    }

    @Override
    public WritableFile openForOverwrite(Path path, long position) throws IOException {
        try (Guard g = enter(Operation.OPEN_FOR_OVERWRITE, path)) {
            // Opened before the writer, so it sees the same file even if a rename follows.
            ReadableFile reader = delegate.open(path);
            WritableFile f;
            try {
                f = delegate.openForOverwrite(path, position);
            } catch (IOException | RuntimeException e) {
                reader.close();
                throw e;
            }
            long size = reader.size();
            DurableFileState d;
            synchronized (stateLock) {
                d = files.computeIfAbsent(key(path), k -> new DurableFileState(size));
            }
            return new TrackedWritableFile(f, path, d, reader);
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
                DurableFileState d = files.remove(kf);
                if (d != null) {
                    files.put(kt, d);
                } else {
                    files.remove(kt);
                }
                unsyncedChanges.add(new Renamed(kt.getParent(), kf, kt));
            }
        }
    }

    @Override
    public void delete(Path path) throws IOException {
        try (Guard g = enter(Operation.DELETE, path)) {
            Path k = key(path);
            synchronized (stateLock) {
                if (!delegate.exists(path)) {
                    return;
                }
                DurableFileState d = files.get(k);
                byte[] current = readAll(path);
                byte[] durable = d == null ? current : d.durableContents(current);
                delegate.delete(path);
                files.remove(k);
                unsyncedChanges.add(new Deleted(k.getParent(), k, durable));
            }
        }
    }

    @Override
    public void truncate(Path path, long size) throws IOException {
        try (Guard g = enter(Operation.TRUNCATE, path)) {
            delegate.truncate(path, size);
            synchronized (stateLock) {
                DurableFileState d = files.get(key(path));
                if (d != null) {
                    d.synced(size);
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
    public List<Path> listDirectories(Path dir) throws IOException {
        try (Guard g = enter(Operation.LIST_DIRECTORIES, dir)) {
            return delegate.listDirectories(dir);
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

    /** Takes the read lock, then refuses the call if crashed or if a fault matches ({@code op} null: none can). */
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
        if (c instanceof Created created) {
            delegate.delete(created.file());
            files.remove(created.file());
        } else if (c instanceof Renamed r) {
            if (delegate.exists(r.to())) {
                delegate.rename(r.to(), r.from());
                DurableFileState d = files.remove(r.to());
                if (d != null) {
                    files.put(r.from(), d);
                }
            }
        } else {
            Deleted deleted = (Deleted) c;
            try (WritableFile f = delegate.create(deleted.file())) {
                f.write(ByteBuffer.wrap(deleted.durableContents()));
                f.sync();
            }
            files.remove(deleted.file());
        }
    }

    private byte[] readAll(Path path) throws IOException {
        try (ReadableFile f = delegate.open(path)) {
            ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(f.size()));
            f.readFully(all, 0);
            return all.array();
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

    /** A change to {@code directory}'s entries not yet made durable by syncing it. */
    private sealed interface DirectoryChange permits Created, Renamed, Deleted {
        Path directory();
    }

    private record Created(Path directory, Path file) implements DirectoryChange {
    }

    private record Renamed(Path directory, Path from, Path to) implements DirectoryChange {
    }

    /** Keeps what a crash would bring back: the file's durable contents at the delete. */
    private record Deleted(Path directory, Path file, byte[] durableContents) implements DirectoryChange {
    }

    private final class TrackedWritableFile implements WritableFile {
        private final WritableFile file;
        private final Path path;
        private final DurableFileState durable;
        /** Reads synced bytes before they are overwritten; null for a file that only appends. */
        private final ReadableFile reader;

        TrackedWritableFile(WritableFile file, Path path, DurableFileState durable, ReadableFile reader) {
            this.file = file;
            this.path = path;
            this.durable = durable;
            this.reader = reader;
        }

        @Override
        public void write(ByteBuffer src) throws IOException {
            try (Guard g = enter(Operation.WRITE, path)) {
                if (reader != null) {
                    long from = file.size();
                    synchronized (stateLock) {
                        durable.beforeWrite(reader, from, from + src.remaining());
                    }
                }
                file.write(src);
            }
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public void sync() throws IOException {
            if (powerCutDue(path)) {
                // Outside the guard: crashing takes the lock every operation holds shared.
                crash(powerCutRandom);
                throw crashedException(path);
            }
            try (Guard g = enter(Operation.SYNC, path)) {
                file.sync();
                // An overwriting writer's size() is its position; the file may be longer.
                long size = reader != null ? reader.size() : file.size();
                synchronized (stateLock) {
                    durable.synced(size);
                }
                syncs.incrementAndGet();
            }
        }

        @Override
        public void close() throws IOException {
            try {
                file.close();
            } finally {
                if (reader != null) {
                    reader.close();
                }
            }
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
