package io.stratadb.storage.sstable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.stratadb.storage.Cell;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.LocalFileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Readers shared between threads: under cache churn, and while the owner retires the file. */
@ExtendWith(SeedExtension.class)
class SSTableConcurrentReadTest {

    private final FileSystem fs = new LocalFileSystem();

    @Test
    void concurrentGetsAndScansUnderCacheChurnAgreeWithTheModel(Random r, @TempDir Path dir) throws Exception {
        NavigableMap<byte[], Cell> model = SSTableRoundTripTest.randomModel(r, 3_000);
        Path path = dir.resolve("t.sst");
        TestTables.write(fs, path, SSTableOptions.of(512, true, 0.01), model);
        // A cache of a few blocks: threads constantly evict each other's blocks.
        SSTableReader reader = SSTableReader.open(fs, path, 1, new SSTableCaches(8 << 10, 1 << 20, null),
                TestTables.metrics());
        List<Map.Entry<byte[], Cell>> entries = new ArrayList<>(model.entrySet());
        long seed = r.nextLong();
        runThreads(2, t -> {
            Random tr = new Random(seed + t);
            for (int i = 0; i < 5_000; i++) {
                Map.Entry<byte[], Cell> e = entries.get(tr.nextInt(entries.size()));
                assertEquals(e.getValue(), reader.get(e.getKey()));
                if (i % 2_500 == 0) {
                    SSTableRoundTripTest.assertScansMatch(reader, model, e.getKey());
                }
            }
        });
        reader.release();
    }

    @Test
    void getsRacingTheLastReleaseNeverSeeAClosedFile(Random r, @TempDir Path dir) throws Exception {
        NavigableMap<byte[], Cell> model = SSTableRoundTripTest.randomModel(r, 300);
        byte[] key = model.firstKey();
        Path original = dir.resolve("original.sst");
        TestTables.write(fs, original, SSTableOptions.of(512, true, 0.01), model);
        for (int round = 0; round < 20; round++) {
            Path path = dir.resolve("t" + round + ".sst");
            Files.copy(original, path);
            SSTableCaches caches = TestTables.caches();
            SSTableReader reader = SSTableReader.open(fs, path, round, caches, TestTables.metrics());
            CountDownLatch started = new CountDownLatch(2);
            int releaseAfter = r.nextInt(200);
            runThreads(3, t -> {
                if (t == 2) { // the owner: retire the file while the others read
                    started.await();
                    for (int i = 0; i < releaseAfter; i++) {
                        Thread.onSpinWait();
                    }
                    reader.markObsolete();
                    reader.release();
                    return;
                }
                started.countDown();
                // Bounded, as the engine stops handing out a reader once it leaves the live set.
                for (int i = 0; i < 2_000 && reader.tryRef(); i++) {
                    try {
                        assertEquals(model.get(key), reader.get(key));
                    } finally {
                        reader.release();
                    }
                }
            });
            assertFalse(fs.exists(path), "the obsolete file is deleted once every reference is gone");
            assertFalse(reader.tryRef());
            assertNull(caches.indexes().getIfPresent(round), "released readers leave nothing cached");
            assertEquals(0, caches.blocks().entriesOf(round));
        }
    }

    private interface Body {
        void run(int thread) throws Exception;
    }

    private static void runThreads(int n, Body body) throws Exception {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] threads = new Thread[n];
        for (int t = 0; t < n; t++) {
            int id = t;
            threads[t] = new Thread(() -> {
                try {
                    body.run(id);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            threads[t].start();
        }
        for (Thread t : threads) {
            t.join();
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
    }
}
