package io.stratadb.storage.cache;

import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.ToIntFunction;

/**
 * Parsed SSTable block indexes keyed by reader id, bounded by their total size. Generic in the index
 * type so this package does not depend on the SSTable format that defines it. Thread-safe.
 *
 * @param <V> the parsed index
 */
public final class IndexCache<V> {

    /** Loads an index on a miss; may do I/O. */
    @FunctionalInterface
    public interface Loader<V> {
        V load() throws IOException;
    }

    private final Cache<Long, V> cache;
    private final long capacityBytes;

    /** @param weigher heap bytes an index holds */
    public IndexCache(long capacityBytes, ToIntFunction<V> weigher) {
        this.capacityBytes = capacityBytes;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(capacityBytes)
                .weigher((Long id, V index) -> weigher.applyAsInt(index))
                .executor(Runnable::run)
                .recordStats()
                .build();
    }

    /**
     * The index of {@code readerId}, loading it on a miss. Concurrent misses for the same reader load
     * it once; an index can be megabytes, and reading it twice would be waste.
     *
     * @throws IOException or any runtime exception the loader throws; nothing is cached then
     */
    public V get(long readerId, Loader<V> loader) throws IOException {
        try {
            return cache.get(readerId, id -> {
                try {
                    return loader.load();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public V getIfPresent(long readerId) {
        return cache.getIfPresent(readerId);
    }

    public void invalidate(long readerId) {
        cache.invalidate(readerId);
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

    /** Publishes {@code cache.index.hit-rate}, {@code cache.index.size-bytes} and friends. */
    public void registerMetrics(MetricRegistry registry) {
        CacheGauges.register(registry, "cache.index", cache, capacityBytes);
    }
}
