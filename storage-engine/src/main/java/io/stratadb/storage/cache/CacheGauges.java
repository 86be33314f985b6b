package io.stratadb.storage.cache;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import com.github.benmanes.caffeine.cache.Cache;

/** Publishes a Caffeine cache's statistics as gauges named {@code <prefix>.<statistic>}. */
final class CacheGauges {

    private CacheGauges() {
    }

    static void register(MetricRegistry registry, String prefix, Cache<?, ?> cache, long capacityBytes) {
        registry.register(prefix + ".hit-rate", (Gauge<Double>) () -> cache.stats().hitRate());
        registry.register(prefix + ".hits", (Gauge<Long>) () -> cache.stats().hitCount());
        registry.register(prefix + ".misses", (Gauge<Long>) () -> cache.stats().missCount());
        registry.register(prefix + ".evictions", (Gauge<Long>) () -> cache.stats().evictionCount());
        registry.register(prefix + ".entries", (Gauge<Long>) cache::estimatedSize);
        registry.register(prefix + ".size-bytes", (Gauge<Long>) () -> weightedSize(cache));
        registry.register(prefix + ".capacity-bytes", (Gauge<Long>) () -> capacityBytes);
    }

    static long weightedSize(Cache<?, ?> cache) {
        return cache.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
    }
}
