package io.stratadb.bench.load;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import io.stratadb.client.exception.ContentionException;
import io.stratadb.client.protocol.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generator's own logic, against an in-memory map standing in for a database (the generator's
 * subject here, not the database): load completeness, operation mix, the fixed rate, and that a stall
 * is charged to the operations it delayed when a target rate is set.
 */
class LoadRunnerTest {

    /** An asynchronous in-memory store that can be told to stall once. */
    static final class MapTarget implements KvTarget {
        final Map<String, byte[]> data = java.util.Collections.synchronizedMap(new java.util.HashMap<>());
        final ScheduledExecutorService delays = Executors.newSingleThreadScheduledExecutor();
        final AtomicBoolean stallNext = new AtomicBoolean();
        volatile long stallMillis;
        /** Until this System.nanoTime(), every answer takes a millisecond (a cold, slow start). */
        volatile long slowUntilNanos;
        final AtomicLong serialReads = new AtomicLong();
        final AtomicLong appliedCas = new AtomicLong();
        final Set<String> casKeys = ConcurrentHashMap.newKeySet();
        /** Every this many compare-and-sets fails with CONTENTION, without effect (0: never). */
        volatile int contentionEvery;
        final AtomicLong casCalls = new AtomicLong();
        final AtomicLong contentions = new AtomicLong();
        /** While set, compare-and-set answers wait here until the test runs them. */
        volatile List<Runnable> held;

        @Override
        public void prepare() {
        }

        private <T> CompletableFuture<T> answer(T value) {
            if (System.nanoTime() < slowUntilNanos) {
                CompletableFuture<T> f = new CompletableFuture<>();
                delays.schedule(() -> f.complete(value), 1, TimeUnit.MILLISECONDS);
                return f;
            }
            if (stallNext.compareAndSet(true, false)) {
                CompletableFuture<T> f = new CompletableFuture<>();
                delays.schedule(() -> f.complete(value), stallMillis, TimeUnit.MILLISECONDS);
                return f;
            }
            return CompletableFuture.completedFuture(value);
        }

        @Override
        public CompletableFuture<?> read(byte[] key) {
            return answer(data.get(new String(key, StandardCharsets.US_ASCII)));
        }

        @Override
        public CompletableFuture<?> write(byte[] key, byte[] value) {
            data.put(new String(key, StandardCharsets.US_ASCII), value);
            return answer(null);
        }

        @Override
        public CompletableFuture<byte[]> serialRead(byte[] key) {
            serialReads.incrementAndGet();
            return answer(data.get(new String(key, StandardCharsets.US_ASCII)));
        }

        /** Applies at once, atomically, as Paxos would; the answer may be held back (see {@link #held}). */
        @Override
        public CompletableFuture<CasOutcome> compareAndSet(byte[] key, byte[] expected, byte[] newValue) {
            String k = new String(key, StandardCharsets.US_ASCII);
            casKeys.add(k);
            int every = contentionEvery;
            if (every > 0 && casCalls.incrementAndGet() % every == 0) {
                contentions.incrementAndGet();
                return CompletableFuture.failedFuture(new ContentionException(ErrorCode.CONTENTION, "lost its rounds"));
            }
            CasOutcome outcome;
            synchronized (data) {
                byte[] current = data.get(k);
                boolean matches = expected == null ? current == null : Arrays.equals(current, expected);
                if (matches) {
                    data.put(k, newValue);
                    appliedCas.incrementAndGet();
                    outcome = CasOutcome.wasApplied();
                } else {
                    outcome = CasOutcome.notApplied(current);
                }
            }
            List<Runnable> queue = held;
            if (queue != null) {
                CompletableFuture<CasOutcome> later = new CompletableFuture<>();
                queue.add(() -> later.complete(outcome));
                return later;
            }
            return answer(outcome);
        }

        @Override
        public CompletableFuture<?> scan(byte[] startKey, int count) {
            return answer(null);
        }

        @Override
        public void close() {
            delays.shutdownNow();
        }
    }

    private static BenchOptions options(String... args) {
        return BenchOptions.parse(args);
    }

    private static LoadRunner runner(BenchOptions o, KvTarget t) {
        return new LoadRunner(o, t, new PrintStream(new ByteArrayOutputStream()), e -> e.getClass().getSimpleName());
    }

    @Test
    void loadInsertsEveryRecordOnce() throws Exception {
        try (MapTarget target = new MapTarget()) {
            PhaseResult r = runner(options("--records", "5000", "--concurrency", "8"), target).load();
            assertEquals(5000, target.data.size());
            assertEquals(5000, r.latencies().get(OperationType.INSERT).getTotalCount());
        }
    }

    @Test
    void runFollowsTheWorkloadMix() throws Exception {
        try (MapTarget target = new MapTarget()) {
            BenchOptions o = options("--workload", "B", "--records", "1000", "--operations", "20000");
            PhaseResult r = runner(o, target).run();
            long reads = r.latencies().get(OperationType.READ).getTotalCount();
            long updates = r.latencies().get(OperationType.UPDATE).getTotalCount();
            assertEquals(20000, reads + updates);
            assertTrue(Math.abs(reads / 20000.0 - 0.95) < 0.02, "reads " + reads);
        }
    }

    @Test
    void fixedRateIsHeldAndAStallIsChargedToTheOperationsItDelayed() throws Exception {
        try (MapTarget target = new MapTarget()) {
            BenchOptions o = options("--workload", "C", "--records", "100", "--target-rate", "2000",
                    "--duration", "1.5", "--concurrency", "1", "--threads", "1");
            target.stallMillis = 200;
            target.stallNext.set(true);
            PhaseResult r = runner(o, target).run();
            Histogram h = r.latencies().get(OperationType.READ);
            assertTrue(h.getTotalCount() > 2000 && h.getTotalCount() < 3300, "ops " + h.getTotalCount());
            // One slot, 2000/s: the 200 ms stall delays ~400 scheduled operations; each is charged the
            // time since its intended start, so well over 1% of operations must show >= 50 ms.
            long slow = h.getTotalCount() - h.getCountBetweenValues(0, 50_000);
            assertTrue(slow > h.getTotalCount() / 100, "only " + slow + " slow operations of " + h.getTotalCount());
            assertTrue(h.getMaxValue() >= 190_000, "max " + h.getMaxValue() + " us");
        }
    }

    @Test
    void aBacklogLeftByTheWarmUpIsNotChargedToTheMeasuredRun() throws Exception {
        try (MapTarget target = new MapTarget()) {
            BenchOptions o = options("--workload", "C", "--records", "100", "--target-rate", "2000",
                    "--warmup", "0.5", "--duration", "1", "--concurrency", "1", "--threads", "1");
            // For the 0.5 s warm-up and a little beyond, at most ~1000 answers/s with one slot: at the end of
            // the warm-up the schedule (2000/s) is ~250 ms behind, a backlog the measured run must not inherit.
            target.slowUntilNanos = System.nanoTime() + 600_000_000L;
            PhaseResult r = runner(o, target).run();
            Histogram h = r.latencies().get(OperationType.READ);
            assertTrue(h.getTotalCount() > 1500 && h.getTotalCount() < 2300, "ops " + h.getTotalCount());
            long slow = h.getTotalCount() - h.getCountBetweenValues(0, 150_000);
            // Had the schedule carried on from the warm-up, the ~200 operations due in the first 100 ms
            // would each be charged 250 ms or more (10%); restarted, they are at most ~50 ms late.
            assertTrue(slow < h.getTotalCount() / 50, slow + " slow operations of " + h.getTotalCount());
        }
    }

    @Test
    void distributionsStayInRange() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (KeyDistribution d : KeyDistribution.values()) {
            KeyChooser c = KeyChooser.create(d, 1000);
            for (int i = 0; i < 100_000; i++) {
                long k = c.next(random, 1000);
                assertTrue(k >= 0 && k < 1000, d + " gave " + k);
            }
        }
        // Zipfian: the most popular rank takes a large share.
        ZipfianChooser z = new ZipfianChooser(1000);
        int zeros = 0;
        for (int i = 0; i < 100_000; i++) {
            if (z.nextRank(random) == 0) {
                zeros++;
            }
        }
        assertTrue(zeros > 8_000 && zeros < 20_000, "rank 0 drawn " + zeros + " times");
    }

    @Test
    void badOptionsAreNamed() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> options("--records", "-5"));
        assertTrue(e.getMessage().contains("--records"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> options("--frobnicate", "1"));
        assertTrue(e.getMessage().contains("--frobnicate"), e.getMessage());
    }
}
