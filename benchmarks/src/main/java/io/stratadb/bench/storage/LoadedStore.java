package io.stratadb.bench.storage;

import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.SyncMode;
import io.stratadb.storage.engine.StorageEngine;

/**
 * Builds the read benchmarks' store: keys {@code 0 .. keyCount-1} of {@link KeySpace} with 100-byte
 * values, either left in the memtable or flushed (at the default 64 MiB threshold, so several flushes)
 * and major-compacted into one SSTable, then read once so the block cache holds every block. Takes
 * seconds for a million keys, so benchmarks build it once per trial.
 */
final class LoadedStore {

    /** Large enough for every block of a million 100-byte values (~130 MB decompressed). */
    static final long BLOCK_CACHE_BYTES = 512L << 20;

    enum Placement { MEMTABLE, SSTABLES }

    private LoadedStore() {
    }

    static EngineFixture load(int keyCount, Placement placement) {
        EngineFixture store = EngineFixture.open("strata-store-", b -> tune(b, placement));
        try {
            StorageEngine engine = store.engine();
            byte[][] values = KeySpace.values(KeySpace.VALUE_SIZE);
            long timestamp = System.currentTimeMillis() * 1000;
            for (int i = 0; i < keyCount; i++) {
                engine.put(EngineFixture.TABLE, KeySpace.key(i), KeySpace.valueFor(values, i), timestamp);
            }
            if (placement == Placement.SSTABLES) {
                engine.majorCompact(EngineFixture.TABLE); // flushes first
                for (int i = 0; i < keyCount; i++) {
                    if (engine.get(EngineFixture.TABLE, KeySpace.key(i)) == null) {
                        throw new IllegalStateException("key " + i + " missing after load");
                    }
                }
                check(store.sstableCount() == 1 && store.memtableBytes() == 0,
                        "expected everything in one SSTable: " + store.describe());
                check(store.gauge("cache.block.evictions") == 0, "block cache too small: " + store.describe());
            } else {
                check(store.sstableCount() == 0, "expected everything in the memtable: " + store.describe());
            }
            System.out.println("Loaded " + keyCount + " keys: " + store.describe());
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static StorageConfig.Builder tune(StorageConfig.Builder b, Placement placement) {
        b.syncMode(SyncMode.PERIODIC)          // loading speed only; reads do not care
                .blockCacheBytes(BLOCK_CACHE_BYTES)
                .compactionThroughputMiBPerSec(0);
        if (placement == Placement.MEMTABLE) {
            b.memtableFlushThreshold(4L << 30); // never flush while the benchmark runs
        }
        return b;
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }
}
