package io.stratadb.storage.commitlog;

import static io.stratadb.storage.commitlog.CommitLogTestSupport.assertSameMutations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Clock;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.io.LocalFileSystem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RollAndDiscardTest {

    private static final int PRODUCERS = 4;
    private static final int PER_PRODUCER = 3000;

    @TempDir
    Path dir;

    /** What one roll promised: appends returned before it are below its id, appends begun after it at or above. */
    private record RollCheck(long id, int[] returnedBefore, int[] startedBefore) {
    }

    @Test
    void aRollSeparatesAppendsThatReturnedBeforeItFromAppendsBegunAfterIt() throws Exception {
        StorageConfig config = CommitLogTestSupport.config(dir).build();
        AtomicIntegerArray started = new AtomicIntegerArray(PRODUCERS);
        AtomicIntegerArray returned = new AtomicIntegerArray(PRODUCERS);
        for (int p = 0; p < PRODUCERS; p++) {
            started.set(p, -1);
            returned.set(p, -1);
        }
        List<RollCheck> checks = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (CommitLog log = CommitLogTestSupport.openAndStart(config, new LocalFileSystem())) {
            List<Thread> producers = new ArrayList<>();
            for (int p = 0; p < PRODUCERS; p++) {
                int producer = p;
                producers.add(new Thread(() -> {
                    try {
                        List<CompletableFuture<Void>> futures = new ArrayList<>();
                        for (int seq = 0; seq < PER_PRODUCER; seq++) {
                            started.set(producer, seq);
                            futures.add(log.append(mutation(producer, seq)));
                            returned.set(producer, seq);
                        }
                        futures.forEach(CompletableFuture::join);
                    } catch (RuntimeException e) {
                        failure.set(e);
                    }
                }));
            }
            producers.forEach(Thread::start);
            for (int roll = 0; roll < 12; roll++) {
                int target = (roll + 1) * PER_PRODUCER / 14;
                CommitLogTestSupport.awaitTrue(() -> returned.get(0) >= target, "producer 0 progresses");
                int[] before = snapshot(returned);
                CompletableFuture<Long> id = log.rollSegment();
                int[] startedBefore = snapshot(started);
                checks.add(new RollCheck(id.join(), before, startedBefore));
            }
            for (Thread t : producers) {
                t.join();
            }
        }
        if (failure.get() != null) {
            fail("producer failed", failure.get());
        }

        Map<String, Long> segmentOf = new HashMap<>();
        for (Map.Entry<Long, Path> s : CommitLogTestSupport.segments(config.commitLogDirectory()).entrySet()) {
            for (CommitLogTestSupport.Entry e : CommitLogTestSupport.readEntries(s.getValue())) {
                ByteBuffer key = ByteBuffer.wrap(e.mutation().key());
                segmentOf.put(key.getInt() + ":" + key.getInt(), s.getKey());
            }
        }
        assertEquals(PRODUCERS * PER_PRODUCER, segmentOf.size());
        for (RollCheck c : checks) {
            for (int p = 0; p < PRODUCERS; p++) {
                for (int seq = 0; seq < PER_PRODUCER; seq++) {
                    long segment = segmentOf.get(p + ":" + seq);
                    if (seq <= c.returnedBefore()[p]) {
                        assertTrue(segment < c.id(), "append " + p + ":" + seq + " returned before roll " + c.id()
                                + " but is in segment " + segment);
                    } else if (seq > c.startedBefore()[p]) {
                        assertTrue(segment >= c.id(), "append " + p + ":" + seq + " began after roll " + c.id()
                                + " returned but is in segment " + segment);
                    }
                }
            }
        }
    }

    @Test
    void rollingASegmentThatHoldsNothingReturnsItsOwnId() throws IOException {
        StorageConfig config = CommitLogTestSupport.config(dir).build();
        try (CommitLog log = CommitLogTestSupport.open(config, new LocalFileSystem())) {
            log.replay(m -> { });
            long first = log.start();
            assertEquals(first, log.rollSegment().join());
            log.append(mutation(0, 0));
            long second = log.rollSegment().join();
            assertTrue(second > first);
            assertEquals(second, log.rollSegment().join());
        }
    }

    @Test
    void discardDeletesOlderSegmentsIncludingReplayedOnesButNeverTheActiveOne() throws IOException {
        StorageConfig config = CommitLogTestSupport.config(dir).build();
        CommitLogTestSupport.writeSegments(config, 31, 3, 5);
        Path logDir = config.commitLogDirectory();
        assertEquals(List.of(1L, 2L, 3L), new ArrayList<>(CommitLogTestSupport.segments(logDir).keySet()));
        MetricRegistry metrics = new MetricRegistry();
        Mutation last = mutation(9, 9);
        try (CommitLog log = CommitLog.open(config, new LocalFileSystem(), Clock.system(), metrics,
                CommitLogTestSupport.threads())) {
            log.replay(m -> { });
            long active = log.start();
            assertEquals(4, active);
            assertEquals(4, gauge(metrics, CommitLogMetrics.ACTIVE_SEGMENTS));

            log.discardSegmentsBefore(3);
            assertFalse(CommitLogTestSupport.segments(logDir).containsKey(1L));
            assertFalse(CommitLogTestSupport.segments(logDir).containsKey(2L));
            assertTrue(CommitLogTestSupport.segments(logDir).containsKey(3L));

            log.discardSegmentsBefore(Long.MAX_VALUE);
            assertFalse(CommitLogTestSupport.segments(logDir).containsKey(3L));
            assertTrue(CommitLogTestSupport.segments(logDir).containsKey(active), "the active segment stays");
            assertEquals(1, gauge(metrics, CommitLogMetrics.ACTIVE_SEGMENTS));

            log.append(mutation(1, 1)).join();
            long next = log.rollSegment().join();
            log.append(last).join();
            log.discardSegmentsBefore(next);
            assertFalse(CommitLogTestSupport.segments(logDir).containsKey(active));
        }
        assertSameMutations(List.of(last), CommitLogTestSupport.replay(config).mutations(), "after discards");
    }

    private static int gauge(MetricRegistry metrics, String name) {
        Gauge<?> g = metrics.getGauges().get(name);
        return (Integer) g.getValue();
    }

    private static int[] snapshot(AtomicIntegerArray a) {
        int[] out = new int[a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i);
        }
        return out;
    }

    private static Mutation mutation(int producer, int seq) {
        byte[] key = ByteBuffer.allocate(8).putInt(producer).putInt(seq).array();
        return new Mutation("t", key, Cell.value(new byte[16], seq));
    }
}
