package io.stratadb.storage.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.Test;

class BlockCacheTest {

    @Test
    void aPutBlockIsHitUntilItsReaderIsInvalidated() {
        BlockCache cache = new BlockCache(1 << 20);
        byte[] a = new byte[100];
        byte[] b = new byte[100];
        assertNull(cache.get(1, 0));
        cache.put(1, 0, a);
        cache.put(1, 4096, b);
        cache.put(2, 0, new byte[100]);
        assertSame(a, cache.get(1, 0));
        assertSame(b, cache.get(1, 4096));
        assertEquals(2, cache.stats().hitCount());
        assertEquals(1, cache.stats().missCount());

        cache.invalidateReader(1);
        assertNull(cache.get(1, 0));
        assertNull(cache.get(1, 4096));
        assertEquals(0, cache.entriesOf(1));
        assertEquals(1, cache.entriesOf(2), "other readers' blocks stay");
    }

    @Test
    void theCacheIsBoundedByDecompressedBytes() {
        long capacity = 64 << 10;
        BlockCache cache = new BlockCache(capacity);
        for (int i = 0; i < 1_000; i++) {
            cache.put(1, i * 4096L, new byte[4096]);
            assertTrue(cache.sizeBytes() <= capacity, "size " + cache.sizeBytes());
        }
        assertTrue(cache.entryCount() >= 8 && cache.entryCount() <= 16, "entries " + cache.entryCount());
        assertTrue(cache.stats().evictionCount() >= 1_000 - 16);
    }

    @Test
    void gaugesPublishHitRateAndSize() {
        MetricRegistry registry = new MetricRegistry();
        BlockCache cache = new BlockCache(1 << 20);
        cache.registerMetrics(registry);
        cache.put(9, 0, new byte[1000]);
        cache.get(9, 0);
        cache.get(9, 1);
        assertEquals(0.5, (Double) registry.getGauges().get("cache.block.hit-rate").getValue(), 1e-9);
        assertTrue((Long) registry.getGauges().get("cache.block.size-bytes").getValue() >= 1000);
        assertEquals(1L, registry.getGauges().get("cache.block.entries").getValue());
        assertEquals((long) (1 << 20), registry.getGauges().get("cache.block.capacity-bytes").getValue());
    }
}
