package io.stratadb.storage.sstable;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.cache.BlockCache;
import io.stratadb.storage.cache.IndexCache;

/**
 * The block and index caches every reader of one engine shares. It lives here rather than in the
 * cache package because it names the index type, which belongs to the format.
 */
public final class SSTableCaches {

    private final BlockCache blocks;
    private final IndexCache<BlockIndex> indexes;

    /**
     * Caches of the given sizes. Their gauges ({@code cache.block.*}, {@code cache.index.*}) are
     * registered in {@code registry} unless it is null, so one registry holds one set of caches.
     */
    public SSTableCaches(long blockCacheBytes, long indexCacheBytes, MetricRegistry registry) {
        this.blocks = new BlockCache(blockCacheBytes);
        this.indexes = new IndexCache<>(indexCacheBytes, BlockIndex::memoryBytes);
        if (registry != null) {
            blocks.registerMetrics(registry);
            indexes.registerMetrics(registry);
        }
    }

    public static SSTableCaches from(StorageConfig config, MetricRegistry registry) {
        return new SSTableCaches(config.blockCacheBytes(), config.indexCacheBytes(), registry);
    }

    public BlockCache blocks() {
        return blocks;
    }

    /** Hit rates and sizes; the parsed index type itself stays private to the format. */
    public IndexCache<?> indexes() {
        return indexes;
    }

    IndexCache<BlockIndex> indexCache() {
        return indexes;
    }

    /** Forgets everything cached for a reader that is closed or deleted. */
    void invalidate(long readerId) {
        indexes.invalidate(readerId);
        blocks.invalidateReader(readerId);
    }
}
