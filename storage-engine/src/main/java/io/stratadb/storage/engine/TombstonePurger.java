package io.stratadb.storage.engine;

import io.stratadb.storage.Cell;
import io.stratadb.storage.memtable.MemtableGeneration;
import io.stratadb.storage.sstable.SSTableReader;

import java.util.List;

/**
 * Decides whether compaction may drop a tombstone. Dropping is safe only when the tombstone has
 * outlived gc_grace (so every replica had time to receive it through repair) and no older version of
 * the key can exist outside the files being compacted — otherwise that older version would come
 * back to life. "Older version outside" is checked against every other live SSTable (by minimum
 * timestamp and bloom filter) and every memtable.
 */
final class TombstonePurger {

    private final String table;
    private final long gcBefore;
    private final List<SSTableReader> others;
    private final List<MemtableGeneration> memtablesAtStart;
    private final SSTableTracker tracker;

    /**
     * {@code others} and the memtables are taken when the compaction starts; memtables created later
     * are consulted through the tracker at each decision, and a generation flushed meanwhile is still
     * covered because the start snapshot keeps its contents.
     */
    TombstonePurger(String table, long nowSeconds, int gcGraceSeconds, List<SSTableReader> others,
                    List<MemtableGeneration> memtablesAtStart, SSTableTracker tracker) {
        this.table = table;
        this.gcBefore = nowSeconds - gcGraceSeconds;
        this.others = others;
        this.memtablesAtStart = memtablesAtStart;
        this.tracker = tracker;
    }

    boolean canPurge(byte[] key, Cell tombstone) {
        if (!tombstone.isTombstone() || tombstone.localDeletionTime() >= gcBefore) {
            return false;
        }
        long ts = tombstone.timestamp();
        for (SSTableReader r : others) {
            if (r.stats().minTimestamp() <= ts && r.mayContain(key)) {
                return false;
            }
        }
        return !olderInMemory(memtablesAtStart, key, ts) && !olderInMemory(tracker.view().memtables(), key, ts);
    }

    private boolean olderInMemory(List<MemtableGeneration> memtables, byte[] key, long ts) {
        for (MemtableGeneration g : memtables) {
            Cell c = g.get(table, key);
            if (c != null && c.timestamp() <= ts) {
                return true;
            }
        }
        return false;
    }
}
