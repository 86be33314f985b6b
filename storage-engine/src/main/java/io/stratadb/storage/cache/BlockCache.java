package io.stratadb.storage.cache;

import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;

/**
 * Decompressed data blocks keyed by (reader id, block offset), bounded by their total size. Only
 * blocks that passed their checksum and structural checks are put here, so a hit is used as is.
 * Thread-safe.
 */
public final class BlockCache {

    /** Rough heap cost of one entry beyond its bytes: key, node and array header. */
    private static final int ENTRY_OVERHEAD = 96;

    private final Cache<BlockKey, byte[]> cache;
    private final long capacityBytes;

    public BlockCache(long capacityBytes) {
        this.capacityBytes = capacityBytes;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(capacityBytes)
                .weigher((BlockKey k, byte[] block) -> block.length + ENTRY_OVERHEAD)
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    /** The cached block, or null. The array is shared: callers must not modify it. */
    public byte[] get(long readerId, long blockOffset) {
        return cache.getIfPresent(new BlockKey(readerId, blockOffset));
    }

    /**
     * The cached block, or null, without counting a miss: the caller will read the block through
     * {@link #get} elsewhere, which counts it then. A hit is counted (and refreshes the entry) as usual.
     */
    public byte[] getIfCached(long readerId, long blockOffset) {
        BlockKey key = new BlockKey(readerId, blockOffset);
        if (cache.policy().getIfPresentQuietly(key) == null) {
            return null;
        }
        return cache.getIfPresent(key);
    }

    /** Caches a verified block; the cache owns the array from now on. */
    public void put(long readerId, long blockOffset, byte[] block) {
        cache.put(new BlockKey(readerId, blockOffset), block);
    }

    /**
     * Drops every block of a reader (closed or deleted). Scans the cache, which is fine at the rate
     * files are retired, and needs no index of the reader's blocks that might itself be evicted.
     */
    public void invalidateReader(long readerId) {
        cache.asMap().keySet().removeIf(k -> k.readerId() == readerId);
    }

    /** Blocks of {@code readerId} currently cached (scans the cache; for tests and diagnostics). */
    public long entriesOf(long readerId) {
        return cache.asMap().keySet().stream().filter(k -> k.readerId() == readerId).count();
    }

    public CacheStats stats() {
        return cache.stats();
    }

    /** Bytes the cache currently accounts for, after any pending eviction. */
    public long sizeBytes() {
        cache.cleanUp();
        return CacheGauges.weightedSize(cache);
    }

    public long capacityBytes() {
        return capacityBytes;
    }

    public long entryCount() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Publishes {@code cache.block.hit-rate}, {@code cache.block.size-bytes} and friends. */
    public void registerMetrics(MetricRegistry registry) {
        CacheGauges.register(registry, "cache.block", cache, capacityBytes);
    }

    /** Reader ids are unique within an engine, so the pair names one block of one file. */
    private record BlockKey(long readerId, long offset) {
        @Override
        public int hashCode() {
            // Block offsets are spaced ~blockSize apart; mix so the low bits differ too.
            long h = (readerId * 0x9E3779B97F4A7C15L) ^ offset;
            h *= 0xC2B2AE3D27D4EB4FL;
            return (int) (h ^ (h >>> 32));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BlockKey other && other.readerId == readerId && other.offset == offset;
        }
    }
}
