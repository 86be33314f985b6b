package io.stratadb.node.hints;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.node.hints.HintFixtures.RecordingSender;
import io.stratadb.storage.io.LocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.stratadb.node.hints.HintFixtures.hint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HintThrottleTest {

    @TempDir
    Path dir;

    private final SteppedTime time = new SteppedTime();

    @Test
    void replayHoldsTheByteRate() throws Exception {
        int hints = 200;
        long rate = 2_000; // bytes per second
        try (HintStore store = HintFixtures.open(new LocalFileSystem(), dir, time, HintStoreOptions.defaults(),
                new MetricRegistry())) {
            for (int i = 0; i < hints; i++) {
                store.store("node-a", hint(time, "ks", i)).join();
            }
            Path file = dir.resolve("hints/node-a/" + HintFile.fileName(0));
            long entryBytes = Files.size(file) - HintFileHeader.length("node-a".length());
            RecordingSender sender = new RecordingSender();
            long start = time.nanoTime();
            store.replay("node-a", sender, new RateLimit(time, rate)).result().join();
            assertEquals(hints, sender.received.size());
            double seconds = (time.nanoTime() - start) / 1e9;
            double expected = (double) entryBytes / rate;
            // The first send is free, so the time is the rest's bytes over the rate.
            assertTrue(Math.abs(seconds - expected) / expected < 0.02,
                    "took " + seconds + " s for " + entryBytes + " bytes at " + rate + " B/s (expected ~" + expected + ")");
        }
    }

    @Test
    void theLimitDoesNotBankIdleTime() {
        SteppedTime t = new SteppedTime();
        RateLimit limit = new RateLimit(t, 1_000);
        assertEquals(0, limit.reserve(500));
        assertEquals(500_000_000L, limit.reserve(500), "waits for the first 500 bytes' half second");
        t.advanceMillis(60_000);
        assertEquals(0, limit.reserve(500));
        assertEquals(500_000_000L, limit.reserve(10), "an idle minute does not allow a burst");
    }

    @Test
    void unlimitedNeverWaits() {
        RateLimit limit = RateLimit.unlimited(time);
        for (int i = 0; i < 10; i++) {
            assertEquals(0, limit.reserve(1 << 20));
        }
    }
}
