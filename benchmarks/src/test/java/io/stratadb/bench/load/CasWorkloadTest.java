package io.stratadb.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.bench.load.LoadRunnerTest.MapTarget;
import io.stratadb.client.exception.ContentionException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The compare-and-set workload's logic against an in-memory target that applies each compare-and-set
 * atomically: when it reads first, which expectation it sends, what it counts, and that the counts add up.
 */
class CasWorkloadTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static String key(long record) {
        return new String(RecordKeys.key(record), StandardCharsets.US_ASCII);
    }

    private static CasWorkload.Result done(CompletableFuture<CasWorkload.Result> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void theFirstTouchReadsThenEachOperationExpectsTheValueItLearned() throws Exception {
        try (MapTarget target = new MapTarget()) {
            target.data.put(key(0), bytes("v0"));
            CasWorkload cas = new CasWorkload(target);
            assertEquals(new CasWorkload.Result(true, true), done(cas.start(0, bytes("a"))));
            assertEquals(new CasWorkload.Result(true, false), done(cas.start(0, bytes("b"))));
            assertEquals(1, target.serialReads.get(), "read once, then the remembered value");
            target.data.put(key(0), bytes("someone else's"));
            assertEquals(new CasWorkload.Result(false, false), done(cas.start(0, bytes("c"))));
            assertEquals(new CasWorkload.Result(true, false), done(cas.start(0, bytes("d"))),
                    "the not-applied answer carried the current value");
            assertEquals("d", new String(target.data.get(key(0)), StandardCharsets.US_ASCII));
            assertEquals(1, target.serialReads.get());
        }
    }

    @Test
    void anAbsentRecordIsWrittenIfStillAbsent() throws Exception {
        try (MapTarget target = new MapTarget()) {
            CasWorkload cas = new CasWorkload(target);
            assertEquals(new CasWorkload.Result(true, true), done(cas.start(7, bytes("first"))));
            assertEquals("first", new String(target.data.get(key(7)), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void concurrentOperationsOnOneRecordOvertakeEachOther() throws Exception {
        try (MapTarget target = new MapTarget()) {
            target.data.put(key(1), bytes("v0"));
            CasWorkload cas = new CasWorkload(target);
            done(cas.start(1, bytes("v1")));
            List<Runnable> held = new CopyOnWriteArrayList<>();
            target.held = held;
            CompletableFuture<CasWorkload.Result> first = cas.start(1, bytes("x"));
            CompletableFuture<CasWorkload.Result> second = cas.start(1, bytes("y"));
            assertEquals(2, held.size(), "both were sent expecting v1");
            target.held = null;
            held.forEach(Runnable::run);
            assertTrue(done(first).applied());
            assertFalse(done(second).applied(), "v1 was gone by then");
            assertTrue(done(cas.start(1, bytes("z"))).applied(), "and it learned x from the answer");
        }
    }

    @Test
    void aFailureLeavesTheValueUnknownSoTheNextOperationReadsFirst() throws Exception {
        try (MapTarget target = new MapTarget()) {
            CasWorkload cas = new CasWorkload(target);
            done(cas.start(2, bytes("a")));
            target.contentionEvery = 1;
            ExecutionException e = assertThrows(ExecutionException.class, () -> done(cas.start(2, bytes("b"))));
            assertInstanceOf(ContentionException.class, e.getCause());
            target.contentionEvery = 0;
            long reads = target.serialReads.get();
            assertEquals(new CasWorkload.Result(true, true), done(cas.start(2, bytes("c"))));
            assertEquals(reads + 1, target.serialReads.get());
        }
    }

    private static PhaseResult run(MapTarget target, String... args) throws Exception {
        BenchOptions options = BenchOptions.parse(args);
        LoadRunner runner = new LoadRunner(options, target, new PrintStream(new ByteArrayOutputStream()),
                StrataTarget::errorCode);
        runner.load();
        return runner.run();
    }

    @Test
    void oneClientOnUniformKeysAppliesEveryCompareAndSetAndReadsEachKeyOnce() throws Exception {
        try (MapTarget target = new MapTarget()) {
            PhaseResult r = run(target, "--workload", "cas", "--records", "200", "--operations", "1000",
                    "--threads", "1", "--concurrency", "1");
            Map<String, Long> outcomes = r.outcomes().get(OperationType.CAS);
            assertEquals(1000, r.latencies().get(OperationType.CAS).getTotalCount());
            assertEquals(1000L, outcomes.get(CasWorkload.APPLIED), "nobody else writes: " + outcomes);
            assertFalse(outcomes.containsKey(CasWorkload.NOT_APPLIED), outcomes.toString());
            assertEquals((long) target.casKeys.size(), outcomes.get(CasWorkload.READ_FIRST), "one read per key touched");
            assertEquals(1000, target.appliedCas.get());
            assertTrue(target.casKeys.size() > 150, "uniform over 200 records: " + target.casKeys.size());
        }
    }

    @Test
    void theHotVariantStaysOnItsKeysAndItsCountsAddUp() throws Exception {
        try (MapTarget target = new MapTarget()) {
            target.contentionEvery = 50;
            PhaseResult r = run(target, "--workload", "cas-hot", "--hot-keys", "3", "--records", "100",
                    "--operations", "3000", "--threads", "2", "--concurrency", "8");
            Map<String, Long> outcomes = r.outcomes().get(OperationType.CAS);
            long succeeded = r.latencies().get(OperationType.CAS).getTotalCount();
            long applied = outcomes.getOrDefault(CasWorkload.APPLIED, 0L);
            long notApplied = outcomes.getOrDefault(CasWorkload.NOT_APPLIED, 0L);
            assertEquals(succeeded, applied + notApplied, outcomes.toString());
            assertEquals(target.appliedCas.get(), applied, "every applied compare-and-set was counted once");
            assertEquals(target.contentions.get(), (long) r.errors().get(OperationType.CAS).get("CONTENTION"));
            assertEquals(3000, succeeded + target.contentions.get());
            assertEquals(Set.of(key(0), key(1), key(2)), target.casKeys);
        }
    }

    @Test
    void workloadNamesAndOptionsParse() {
        assertEquals(Workload.CAS_HOT, BenchOptions.parse(new String[] {"--workload", "cas-hot"}).workload);
        assertEquals(KeyDistribution.HOT, BenchOptions.parse(new String[] {"--workload", "cas-hot"}).effectiveDistribution());
        assertEquals(Workload.CAS, BenchOptions.parse(new String[] {"--workload", "CAS"}).workload);
        assertEquals("LOCAL_SERIAL", BenchOptions.parse(new String[] {"--serial-consistency", "local_serial"})
                .serialConsistency());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--serial-consistency", "ONE"}));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(new String[] {"--hot-keys", "0"}));
        List<Long> drawn = new ArrayList<>();
        KeyChooser hot = KeyChooser.create(KeyDistribution.HOT, 1000, 4);
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            drawn.add(hot.next(random, 1000));
        }
        assertEquals(Set.of(0L, 1L, 2L, 3L), Set.copyOf(drawn));
    }
}
