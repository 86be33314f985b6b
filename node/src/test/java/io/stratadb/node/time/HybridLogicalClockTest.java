package io.stratadb.node.time;

import io.stratadb.node.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HybridLogicalClockTest {

    private static final long T0 = 1_700_000_000_000_000L;

    @Test
    void followsTheWallClockWhenItMoves() {
        ManualClock clock = new ManualClock(T0);
        HybridLogicalClock hlc = new HybridLogicalClock(clock);
        assertEquals(T0, hlc.nextTimestampMicros());
        clock.setMicros(T0 + 500);
        assertEquals(T0 + 500, hlc.nextTimestampMicros());
    }

    @Test
    void strictlyIncreasesWhenTheClockStandsStillOrGoesBackwards() {
        ManualClock clock = new ManualClock(T0);
        HybridLogicalClock hlc = new HybridLogicalClock(clock);
        long a = hlc.nextTimestampMicros();
        long b = hlc.nextTimestampMicros();
        clock.setMicros(T0 - 1_000_000);
        long c = hlc.nextTimestampMicros();
        assertEquals(List.of(T0, T0 + 1, T0 + 2), List.of(a, b, c));
        clock.setMicros(T0 + 10);
        assertEquals(T0 + 10, hlc.nextTimestampMicros(), "catches up with the wall clock once it passes");
    }

    @Test
    void aNodeBehindIssuesTimestampsAfterWhatItObserved() {
        ManualClock clock = new ManualClock(T0);
        HybridLogicalClock hlc = new HybridLogicalClock(clock);
        long remote = T0 + 5_000_000; // a peer 5 s ahead
        assertTrue(hlc.observe(remote));
        assertEquals(remote + 1, hlc.nextTimestampMicros());
        assertEquals(5_000_000, hlc.maxObservedSkewMicros());
    }

    @Test
    void observingAnOlderTimestampChangesNothing() {
        ManualClock clock = new ManualClock(T0);
        HybridLogicalClock hlc = new HybridLogicalClock(clock);
        hlc.nextTimestampMicros();
        assertTrue(hlc.observe(T0 - 10_000_000));
        assertEquals(T0 + 1, hlc.nextTimestampMicros());
    }

    @Test
    void rejectsARemoteTimestampBeyondTheDriftBound() {
        ManualClock clock = new ManualClock(T0);
        HybridLogicalClock hlc = new HybridLogicalClock(clock, 60_000_000L);
        assertFalse(hlc.observe(T0 + 60_000_001L));
        assertEquals(1, hlc.rejectedCount());
        assertEquals(T0, hlc.nextTimestampMicros(), "the clock did not jump");
        assertTrue(hlc.observe(T0 + 60_000_000L), "exactly at the bound is accepted");
        assertEquals(T0 + 60_000_001L, hlc.nextTimestampMicros());
    }

    @Test
    void uniqueAndIncreasingPerThreadUnderConcurrentCalls() throws Exception {
        ManualClock clock = new ManualClock(T0); // the clock never moves: every value comes from the CAS
        HybridLogicalClock hlc = new HybridLogicalClock(clock);
        int threads = 4;
        int perThread = 5_000;
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<long[]>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            results.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                long[] out = new long[perThread];
                for (int i = 0; i < perThread; i++) {
                    if (id == 0 && i % 100 == 0) {
                        hlc.observe(T0 + i); // observations interleave with issuing
                    }
                    out[i] = hlc.nextTimestampMicros();
                }
                return out;
            }));
        }
        start.countDown();
        Set<Long> all = new HashSet<>();
        for (CompletableFuture<long[]> f : results) {
            long[] out = f.join();
            for (int i = 0; i < out.length; i++) {
                if (i > 0) {
                    assertTrue(out[i] > out[i - 1], "increasing within a thread");
                }
                assertTrue(all.add(out[i]), "duplicate timestamp " + out[i]);
            }
        }
        assertEquals(threads * perThread, all.size());
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
