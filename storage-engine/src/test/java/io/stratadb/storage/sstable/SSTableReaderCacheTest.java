package io.stratadb.storage.sstable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Cell;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.LocalFileSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.NavigableMap;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How readers use the shared block and index caches. */
class SSTableReaderCacheTest {

    @TempDir
    Path dir;
    private final FileSystem fs = new LocalFileSystem();

    @Test
    void aSecondGetOfTheSameBlockIsACacheHit() throws IOException {
        NavigableMap<byte[], Cell> model = SSTableRoundTripTest.randomModel(new Random(1), 300);
        Path path = dir.resolve("t.sst");
        TestTables.write(fs, path, SSTableOptions.of(1024, true, 0.01), model);
        MetricRegistry registry = new MetricRegistry();
        SSTableCaches caches = new SSTableCaches(1 << 20, 1 << 20, registry);
        SSTableMetrics metrics = new SSTableMetrics(registry);
        SSTableReader r = SSTableReader.open(fs, path, 1, caches, metrics);
        byte[] key = model.firstKey();

        r.get(key);
        assertEquals(1, metrics.dataBlocksReadFromDisk());
        assertEquals(0, caches.blocks().stats().hitCount());
        assertEquals(1, caches.indexes().stats().missCount());

        r.get(key);
        r.get(model.higherKey(key)); // same (first) block
        assertEquals(1, metrics.dataBlocksReadFromDisk());
        assertEquals(2, caches.blocks().stats().hitCount());
        assertEquals(2, caches.indexes().stats().hitCount());
        assertEquals(1, caches.indexes().stats().missCount());
        assertEquals(2.0 / 3, (Double) gauge(registry, "cache.block.hit-rate"), 1e-9);
        assertTrue((Long) gauge(registry, "cache.block.size-bytes") > 0);
        assertTrue((Double) gauge(registry, "cache.index.hit-rate") > 0.5);
        assertEquals(1L, registry.counter("sstable.data-blocks.read-from-disk").getCount());

        try (SSTableScanner s = r.scanner(null, false)) {
            while (s.hasNext()) {
                s.next();
            }
        }
        assertEquals(1, caches.blocks().entryCount(), "an uncached scan adds nothing to the cache");
        r.release();
    }

    @Test
    void theBlockCacheStaysWithinItsBound() throws IOException {
        NavigableMap<byte[], Cell> model = SSTableRoundTripTest.randomModel(new Random(2), 3_000);
        Path path = dir.resolve("t.sst");
        SSTableStats stats = TestTables.write(fs, path, SSTableOptions.of(1024, false, 0.01), model);
        long bound = 32 << 10;
        assertTrue(stats.uncompressedDataSize() > 8 * bound, "the table must be much larger than the cache");
        SSTableCaches caches = new SSTableCaches(bound, 1 << 20, null);
        SSTableMetrics metrics = TestTables.metrics();
        SSTableReader r = SSTableReader.open(fs, path, 1, caches, metrics);
        for (var e : model.entrySet()) {
            assertEquals(e.getValue(), r.get(e.getKey()));
            assertTrue(caches.blocks().sizeBytes() <= bound);
        }
        assertTrue(caches.blocks().entryCount() > 0);
        assertTrue(caches.blocks().stats().evictionCount() > 0);
        r.release();
    }

    @Test
    void aTooSmallIndexCacheStillAnswersCorrectly() throws IOException {
        NavigableMap<byte[], Cell> model = SSTableRoundTripTest.randomModel(new Random(3), 500);
        Path path = dir.resolve("t.sst");
        TestTables.write(fs, path, SSTableOptions.of(512, true, 0.01), model);
        SSTableCaches caches = new SSTableCaches(1 << 20, 0, null);
        SSTableReader r = SSTableReader.open(fs, path, 1, caches, TestTables.metrics());
        for (var e : model.entrySet()) {
            assertEquals(e.getValue(), r.get(e.getKey()));
        }
        assertEquals(0, caches.indexes().sizeBytes());
        r.release();
    }

    private static Object gauge(MetricRegistry registry, String name) {
        Gauge<?> g = registry.getGauges().get(name);
        return g.getValue();
    }
}
