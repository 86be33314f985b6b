package io.stratadb.storage.memtable;

import io.stratadb.storage.Cell;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The memtables of all tables that one flush writes out together. One generation is current
 * (taking writes); older ones are being flushed. Commit-log segments are retired per generation,
 * which is why all tables switch at once.
 *
 * <p>A writer brackets its work with {@link #beginWrite()} / {@link #endWrite()}: it begins before its
 * commit-log entry is queued and ends once the cell is in the memtable (after the fsync in GROUP
 * mode). The flusher waits in {@link #awaitWriters} until every begun write has landed, so the SSTable
 * it writes covers every entry queued before the segment roll.
 */
public final class MemtableGeneration {

    private final long id;
    private final ConcurrentHashMap<String, Memtable> tables = new ConcurrentHashMap<>();
    private final LongAdder bytes = new LongAdder();
    private final AtomicLong inFlight = new AtomicLong();
    private final AtomicBoolean flushRequested = new AtomicBoolean();
    private final Object drained = new Object();
    /** Set once the generation stops being current; only then do writers pay for a notify. */
    private volatile boolean sealed;

    public MemtableGeneration(long id) {
        this.id = id;
    }

    public long id() {
        return id;
    }

    public void beginWrite() {
        inFlight.incrementAndGet();
    }

    public void endWrite() {
        if (inFlight.decrementAndGet() == 0 && sealed) {
            synchronized (drained) {
                drained.notifyAll();
            }
        }
    }

    /** Inserts a cell and returns the generation's new total of accounted bytes. */
    public long put(String table, byte[] key, Cell cell) {
        Memtable m = tables.get(table);
        if (m == null) {
            m = tables.computeIfAbsent(table, t -> new Memtable());
        }
        bytes.add(m.put(key, cell));
        return bytes.sum();
    }

    public Cell get(String table, byte[] key) {
        Memtable m = tables.get(table);
        return m == null ? null : m.get(key);
    }

    /** The memtable of {@code table}, or null if this generation has no write for it. */
    public Memtable memtable(String table) {
        return tables.get(table);
    }

    public Map<String, Memtable> memtables() {
        return tables;
    }

    public long bytes() {
        return bytes.sum();
    }

    public boolean isEmpty() {
        for (Memtable m : tables.values()) {
            if (!m.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** True for the first caller only: the one that should schedule the flush. */
    public boolean requestFlush() {
        return flushRequested.compareAndSet(false, true);
    }

    /**
     * Waits until every begun write has ended. Only meaningful once no new write can begin (the
     * generation is no longer current).
     */
    public void awaitWriters() throws InterruptedException {
        sealed = true;
        synchronized (drained) {
            while (inFlight.get() != 0) {
                // Timed wait: a notify between the check and the wait is harmless, just slower.
                drained.wait(10);
            }
        }
    }

    @Override
    public String toString() {
        return "MemtableGeneration{" + id + ", " + bytes.sum() + "B, tables=" + tables.keySet() + "}";
    }
}
