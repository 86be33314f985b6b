package io.stratadb.node.admin;

import com.codahale.metrics.Gauge;
import io.stratadb.storage.engine.StorageEngine;

/**
 * Reads the storage engine's size gauges (docs/storage-engine.md, "Metrics"). Through the metric registry
 * because those gauges are the engine's published numbers: admin then reports exactly what metrics do.
 */
final class StorageLoad {

    static final String SSTABLE_BYTES = "storage.sstable.bytes";
    static final String MEMTABLE_BYTES = "storage.memtable.bytes";

    private StorageLoad() {
    }

    /**
     * The node's load: live SSTable plus memtable bytes, the engine's own definition, which is also what
     * the node gossips as LOAD, so this node's row in STATUS agrees with what its peers show for it.
     */
    static long loadBytes(StorageEngine storage) {
        return storage.metrics().loadBytes();
    }

    static long sstableBytes(StorageEngine storage) {
        return gauge(storage, SSTABLE_BYTES);
    }

    static long memtableBytes(StorageEngine storage) {
        return gauge(storage, MEMTABLE_BYTES);
    }

    private static long gauge(StorageEngine storage, String name) {
        Gauge<?> g = storage.metrics().registry().getGauges().get(name);
        if (g == null) {
            throw new IllegalStateException("the storage engine publishes no gauge " + name);
        }
        return ((Number) g.getValue()).longValue();
    }
}
