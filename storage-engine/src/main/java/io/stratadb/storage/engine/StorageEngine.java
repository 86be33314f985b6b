package io.stratadb.storage.engine;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Clock;
import io.stratadb.storage.InvalidRequestException;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.NamedThreadFactory;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.StorageException;
import io.stratadb.storage.commitlog.CommitLog;
import io.stratadb.storage.commitlog.ReplayResult;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.engine.GenerationSwitch.PendingWrite;
import io.stratadb.storage.memtable.MemtableGeneration;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One node's durable map {@code (table, key) -> cell}. A write is appended to the commit log and
 * inserted into the current memtable; full memtables are flushed to SSTables in the background and
 * SSTables are compacted. A node is an object: several engines can live in one JVM.
 *
 * <p>Durability: with {@link io.stratadb.storage.SyncMode#GROUP} (the default) {@link #apply} returns
 * only after the commit-log fsync covering the write, and the write becomes visible to reads only
 * then, so no read ever observes a write a crash could take back.
 */
public final class StorageEngine implements AutoCloseable {

    private final StorageConfig config;
    private final Clock clock;
    private final CommitLog commitLog;
    private final SSTableTracker tracker;
    private final ReadPath reads;
    private final Flusher flusher;
    private final Compactions compactions;
    private final EngineMetrics metrics;
    private final GenerationSwitch generations;
    private volatile boolean closed;

    StorageEngine(StorageConfig config, Clock clock, CommitLog commitLog, SSTableTracker tracker,
                  GenerationSwitch generations, Flusher flusher, Compactions compactions, EngineMetrics metrics) {
        this.generations = generations;
        this.config = config;
        this.clock = clock;
        this.commitLog = commitLog;
        this.tracker = tracker;
        this.reads = new ReadPath(tracker);
        this.flusher = flusher;
        this.compactions = compactions;
        this.metrics = metrics;
    }

    /**
     * Opens (or creates) the store in {@code config.dataDirectory()}: loads the manifest, deletes
     * orphaned files of interrupted flushes and compactions, replays the commit log and flushes what
     * it replayed.
     */
    public static StorageEngine open(StorageConfig config, FileSystem fs, Clock clock, MetricRegistry registry) {
        return new EngineOpener(config, fs, clock, registry, new NamedThreadFactory("strata-storage")).open();
    }

    // ---- writes ----

    /** Writes a value that never expires. */
    public void put(String table, byte[] key, byte[] value, long timestampMicros) {
        apply(new Mutation(table, key, Cell.value(value, timestampMicros)));
    }

    /** Writes a value that expires {@code ttlSeconds} from now. */
    public void put(String table, byte[] key, byte[] value, long timestampMicros, int ttlSeconds) {
        if (ttlSeconds <= 0) {
            throw new InvalidRequestException("ttl must be positive, got " + ttlSeconds);
        }
        long expiry = clock.currentTimeSeconds() + ttlSeconds;
        if (expiry >= Cell.NO_DELETION_TIME) {
            throw new InvalidRequestException("ttl " + ttlSeconds + " reaches beyond the year 2038 limit");
        }
        apply(new Mutation(table, key, Cell.expiring(value, timestampMicros, (int) expiry)));
    }

    /** Writes a tombstone. */
    public void delete(String table, byte[] key, long timestampMicros) {
        apply(new Mutation(table, key, Cell.tombstone(timestampMicros, (int) clock.currentTimeSeconds())));
    }

    /** Applies a mutation and returns once it is acknowledged per the sync mode, and visible. */
    public void apply(Mutation m) {
        apply(m, false);
    }

    /**
     * Applies a mutation and returns once the commit-log fsync covering it is done, whatever the sync
     * mode (in PERIODIC mode the commit log syncs at once for it). For the few writes that must be on disk
     * before the node answers, such as Paxos promises; the same as {@link #apply} in GROUP mode.
     */
    public void applySynced(Mutation m) {
        apply(m, true);
    }

    private void apply(Mutation m, boolean synced) {
        long start = clock.nanoTime();
        flusher.awaitBelowFlushBacklog();
        PendingWrite w = begin(m, synced);
        try {
            join(w.logged());
        } catch (RuntimeException e) {
            w.gen().endWrite();
            throw e;
        }
        land(w.gen(), m);
        metrics.writes.update(clock.nanoTime() - start, TimeUnit.NANOSECONDS);
    }

    /**
     * Applies a mutation without blocking the caller; the future completes when {@link #apply} would
     * have returned. For event-loop callers (the node's network threads).
     */
    public CompletableFuture<Void> applyAsync(Mutation m) {
        long start = clock.nanoTime();
        PendingWrite w;
        try {
            w = begin(m);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return w.logged().handle((ok, error) -> {
            if (error != null) {
                w.gen().endWrite();
                throw error instanceof CompletionException ce ? ce : new CompletionException(error);
            }
            land(w.gen(), m);
            metrics.writes.update(clock.nanoTime() - start, TimeUnit.NANOSECONDS);
            return null;
        });
    }

    private PendingWrite begin(Mutation m) {
        return begin(m, false);
    }

    private PendingWrite begin(Mutation m, boolean synced) {
        validate(m);
        return generations.begin(m, synced);
    }

    private void land(MemtableGeneration gen, Mutation m) {
        long bytes;
        try {
            bytes = gen.put(m.table(), m.key(), m.cell());
        } finally {
            gen.endWrite();
        }
        if (bytes >= config.memtableFlushThreshold() && gen.requestFlush()) {
            flusher.flushAsync();
        }
    }

    private void validate(Mutation m) {
        if (closed) {
            throw new StorageException("storage engine is closed");
        }
        checkTable(m.table());
        if (m.key().length == 0 || m.key().length > StorageConfig.MAX_KEY_SIZE) {
            throw new InvalidRequestException("key length " + m.key().length + " outside [1, " + StorageConfig.MAX_KEY_SIZE + "]");
        }
        if (m.cell().value().length > config.maxValueSize()) {
            throw new InvalidRequestException("value of " + m.cell().value().length
                    + " bytes exceeds the limit of " + config.maxValueSize() + " bytes");
        }
    }

    /** {@code [A-Za-z0-9_]{1,64}}, checked by hand: it runs on every read and write, and a regex allocates. */
    static boolean isValidTableName(String table) {
        if (table == null || table.isEmpty() || table.length() > 64) {
            return false;
        }
        for (int i = 0; i < table.length(); i++) {
            char c = table.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static void checkTable(String table) {
        if (!isValidTableName(table)) {
            throw new InvalidRequestException("invalid table name '" + table + "': use 1-64 of [A-Za-z0-9_]");
        }
    }

    // ---- reads ----

    /** The newest version of the key, including tombstones and expired values; null if none. */
    public Cell getCell(String table, byte[] key) {
        checkTable(table);
        long start = clock.nanoTime();
        Cell c = reads.get(table, key);
        metrics.reads.update(clock.nanoTime() - start, TimeUnit.NANOSECONDS);
        return c;
    }

    /**
     * The key's cell as {@link #getCell} returns it, if that can be found without reading a file (the
     * key is in a memtable, or every SSTable that may hold it has its index and block in the caches, or
     * the bloom filters rule them out); otherwise a {@link CachedRead#notCached()} answer, and the caller
     * reads the key with {@link #getCell} on a thread that may block. Never does I/O, so an event loop
     * may call it.
     */
    public CachedRead getCellIfCached(String table, byte[] key) {
        checkTable(table);
        long start = clock.nanoTime();
        CachedRead r = reads.getIfCached(table, key);
        if (r.isComplete()) {
            metrics.reads.update(clock.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        return r;
    }

    /** The live value of the key, or null if absent, deleted or expired. */
    public byte[] get(String table, byte[] key) {
        Cell c = getCell(table, key);
        return c != null && c.isLive(clock.currentTimeSeconds()) ? c.value() : null;
    }

    /**
     * A page of live entries after {@code startExclusive} (null: from the first key), at most
     * {@code limit}, in unsigned key order.
     */
    public ScanResult scan(String table, byte[] startExclusive, int limit) {
        return scan(table, startExclusive, limit, false);
    }

    /** As {@link #scan(String, byte[], int)}, optionally returning tombstones and expired cells too (repair). */
    public ScanResult scan(String table, byte[] startExclusive, int limit, boolean includeDeleted) {
        checkTable(table);
        return reads.scan(table, startExclusive, limit, includeDeleted, clock.currentTimeSeconds());
    }

    /** Tables with data in a memtable or an SSTable. */
    public Set<String> tables() {
        return tracker.view().tables();
    }

    // ---- maintenance ----

    /** Flushes every memtable to SSTables and waits for it. */
    public void flush() {
        flusher.flushAndWait();
    }

    /** Runs compactions until the strategy has nothing left to do, and waits. */
    public void compact() {
        compactions.compactUntilIdle();
    }

    /** Merges every SSTable of {@code table} into one (leveled: pushes everything down), and waits. */
    public void majorCompact(String table) {
        checkTable(table);
        flush();
        compactions.major(table);
    }

    /** Deletes a table's data. The caller must stop writing to it first. */
    public void dropTable(String table) {
        checkTable(table);
        flush();
        compactions.pause(table);
        try {
            tracker.drop(table);
        } catch (IOException e) {
            throw new StorageException("could not drop table " + table, e);
        } finally {
            compactions.resume(table);
        }
    }

    /** Metrics names and registry are described in docs/storage-engine.md. */
    public EngineMetrics metrics() {
        return metrics;
    }

    /** What the last start-up replay found in the commit log. */
    public ReplayResult lastReplay() {
        return flusher.lastReplay();
    }

    public StorageConfig config() {
        return config;
    }

    /** Stops compactions, flushes memtables, closes the commit log. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        compactions.close();
        try {
            flusher.flushAndWait();
        } finally {
            flusher.close();
            commitLog.close();
            tracker.closeReaders();
        }
    }

    static void join(CompletableFuture<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for the commit log", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new StorageException("commit log write failed", cause);
        }
    }
}
