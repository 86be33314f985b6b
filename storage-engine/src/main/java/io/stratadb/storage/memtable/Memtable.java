package io.stratadb.storage.memtable;

import io.stratadb.storage.Cell;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * One table's in-memory sorted map of the newest known cell per key. Writers insert concurrently;
 * two versions of a key are reconciled on insert, so the map always holds the winner.
 */
public final class Memtable {

    /** Per-entry bookkeeping bytes on top of key and value (skip-list node, boxing, array headers). */
    private static final int ENTRY_OVERHEAD = 96;

    private final ConcurrentSkipListMap<byte[], Cell> cells = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
    private final LongAdder bytes = new LongAdder();
    private final AtomicLong minTimestamp = new AtomicLong(Long.MAX_VALUE);

    /**
     * Inserts {@code cell} for {@code key}, keeping the reconciled winner.
     *
     * @return the change in this memtable's accounted bytes
     */
    public long put(byte[] key, Cell cell) {
        long delta;
        Cell previous = cells.putIfAbsent(key, cell);
        if (previous == null) {
            delta = ENTRY_OVERHEAD + key.length + cell.memorySize();
        } else {
            delta = 0;
            while (true) {
                Cell winner = Cell.reconcile(previous, cell);
                if (winner == previous) {
                    break;
                }
                if (cells.replace(key, previous, winner)) {
                    delta = winner.memorySize() - previous.memorySize();
                    break;
                }
                previous = cells.get(key);
                if (previous == null && (previous = cells.putIfAbsent(key, cell)) == null) {
                    delta = ENTRY_OVERHEAD + key.length + cell.memorySize();
                    break;
                }
            }
        }
        bytes.add(delta);
        long ts = cell.timestamp();
        long min;
        while (ts < (min = minTimestamp.get()) && !minTimestamp.compareAndSet(min, ts)) {
            // retry: another writer lowered it concurrently
        }
        return delta;
    }

    /** The cell for {@code key} or null. */
    public Cell get(byte[] key) {
        return cells.get(key);
    }

    /** Entries with key >= {@code fromInclusive} (all if null), in key order; weakly consistent. */
    public Iterator<Map.Entry<byte[], Cell>> iterator(byte[] fromInclusive) {
        ConcurrentNavigableMap<byte[], Cell> view = fromInclusive == null ? cells : cells.tailMap(fromInclusive, true);
        return view.entrySet().iterator();
    }

    public boolean isEmpty() {
        return cells.isEmpty();
    }

    public int keyCount() {
        return cells.size();
    }

    /** Approximate bytes held, for flush thresholds. */
    public long bytes() {
        return bytes.sum();
    }

    /** The smallest write timestamp ever inserted (Long.MAX_VALUE when empty); tombstone purge needs it. */
    public long minTimestamp() {
        return minTimestamp.get();
    }
}
