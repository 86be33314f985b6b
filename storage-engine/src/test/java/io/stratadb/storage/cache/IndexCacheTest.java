package io.stratadb.storage.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IndexCacheTest {

    @Test
    void anIndexIsLoadedOnceAndThenHit() throws IOException {
        IndexCache<byte[]> cache = new IndexCache<>(1 << 20, b -> b.length);
        AtomicInteger loads = new AtomicInteger();
        byte[] index = new byte[500];
        for (int i = 0; i < 3; i++) {
            assertSame(index, cache.get(5, () -> {
                loads.incrementAndGet();
                return index;
            }));
        }
        assertEquals(1, loads.get());
        assertEquals(2, cache.stats().hitCount());
        cache.invalidate(5);
        assertNull(cache.getIfPresent(5));
    }

    @Test
    void aFailedLoadPropagatesAndCachesNothing() throws IOException {
        IndexCache<byte[]> cache = new IndexCache<>(1 << 20, b -> b.length);
        IOException io = assertThrows(IOException.class, () -> cache.get(1, () -> {
            throw new IOException("disk gone");
        }));
        assertEquals("disk gone", io.getMessage());
        assertThrows(IllegalStateException.class, () -> cache.get(1, () -> {
            throw new IllegalStateException("corrupt");
        }));
        assertNull(cache.getIfPresent(1));
        byte[] ok = new byte[1];
        assertSame(ok, cache.get(1, () -> ok));
    }

    @Test
    void theCacheIsBoundedByIndexBytes() throws IOException {
        IndexCache<byte[]> cache = new IndexCache<>(10_000, b -> b.length);
        MetricRegistry registry = new MetricRegistry();
        cache.registerMetrics(registry);
        for (long id = 0; id < 100; id++) {
            cache.get(id, () -> new byte[1_000]);
            assertTrue(cache.sizeBytes() <= 10_000);
        }
        assertTrue(cache.entryCount() <= 10);
        assertTrue((Long) registry.getGauges().get("cache.index.size-bytes").getValue() <= 10_000);
        assertEquals(0.0, (Double) registry.getGauges().get("cache.index.hit-rate").getValue());
    }
}
