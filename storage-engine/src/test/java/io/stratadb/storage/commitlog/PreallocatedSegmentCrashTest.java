package io.stratadb.storage.commitlog;

import static io.stratadb.storage.commitlog.CommitLogTestSupport.assertSameMutations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.StorageException;
import io.stratadb.storage.io.FaultInjectingFileSystem;
import io.stratadb.storage.io.FaultInjectingFileSystem.Operation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable state a crash leaves with preallocated segments. Entries overwrite zeros, so bytes
 * written but never synced must come back after a crash as the zeros they replaced (the fault-injecting
 * file system restores them page by page); replay then sees every acknowledged GROUP entry, nothing
 * written after the last sync, and no torn tail to explain away.
 */
class PreallocatedSegmentCrashTest {

    @TempDir
    Path dir;

    @Test
    void segmentsHaveTheirFullDurableLengthBeforeTheFirstEntry() throws Exception {
        StorageConfig config = CommitLogTestSupport.config(dir).build();
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        try (CommitLog log = CommitLogTestSupport.openAndStart(config, fs)) {
            CommitLogTestSupport.awaitTrue(() -> CommitLogTestSupport.segments(config.commitLogDirectory()).size() == 2,
                    "the spare segment is prepared");
            for (Path segment : CommitLogTestSupport.segments(config.commitLogDirectory()).values()) {
                assertEquals(CommitLogTestSupport.SEGMENT_SIZE, fs.durableLength(segment), segment.toString());
                assertEquals(SegmentHeader.SIZE, CommitLogTestSupport.endOfNonZero(segment), "header, then zeros");
            }
            RandomMutations random = new RandomMutations(3, 200);
            for (int i = 0; i < 20; i++) {
                log.append(random.next()).join();
            }
            for (Path segment : CommitLogTestSupport.segments(config.commitLogDirectory()).values()) {
                assertEquals(CommitLogTestSupport.SEGMENT_SIZE, Files.size(segment), "entries never grow a segment");
            }
        }
    }

    /**
     * Entries after the last successful sync reached the file (the page cache) but were never
     * acknowledged; a crash must take them back to zeros, leaving the segment's length alone.
     */
    @Test
    void aCrashKeepsEveryAcknowledgedEntryAndNothingWrittenAfterTheLastSync() throws Exception {
        StorageConfig config = CommitLogTestSupport.config(dir).build();
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        CommitLog log = CommitLogTestSupport.openAndStart(config, fs);
        RandomMutations random = new RandomMutations(4, 200);
        List<Mutation> acknowledged = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Mutation m = random.next();
            log.append(m).join();
            acknowledged.add(m);
        }
        Path segment = CommitLogTestSupport.segments(config.commitLogDirectory()).get(1L);
        fs.failNext(Operation.SYNC, p -> p.equals(segment));
        List<CompletableFuture<Void>> unsynced = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            unsynced.add(log.append(random.next()));
        }
        for (CompletableFuture<Void> f : unsynced) {
            CompletionException e = assertThrows(CompletionException.class, f::join);
            assertInstanceOf(StorageException.class, e.getCause());
        }
        int onDiskBeforeCrash = CommitLogTestSupport.readEntries(segment).size();
        assertTrue(onDiskBeforeCrash > 50, "the failed sync's batch was written: " + onDiskBeforeCrash);
        assertEquals(50, CommitLogTestSupport.readEntries(fs.durableContents(segment)).size());

        fs.crash();
        log.close();

        assertEquals(CommitLogTestSupport.SEGMENT_SIZE, Files.size(segment), "still preallocated");
        assertEquals(50, CommitLogTestSupport.readEntries(segment).size());
        assertTrue(CommitLogTestSupport.endOfNonZero(segment) <= CommitLogTestSupport.endOfData(segment),
                "zeros again after the last synced entry");
        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config, fs.restarted());
        assertSameMutations(acknowledged, r.mutations(), "after the crash");
        assertTrue(r.result().clean(), r.result().toString());
    }

    /**
     * Synchronous appenders across several segment switches; the file system crashes the moment a
     * chosen acknowledgement arrives. Every acknowledged entry replays, in order per thread, and the
     * log is clean: the crash lost whole unsynced writes, so nothing is torn. Seed printed.
     */
    @Test
    void acrossSegmentSwitchesEveryAcknowledgedEntrySurvivesARandomCrash() throws Exception {
        long seed = CommitLogTestSupport.seed("preallocatedCrash");
        Random random = new Random(seed);
        int threads = 8;
        int crashAt = 1500 + random.nextInt(2000);
        StorageConfig config = CommitLogTestSupport.config(dir).build();
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        CommitLog log = CommitLogTestSupport.openAndStart(config, fs);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger acks = new AtomicInteger();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        List<Thread> appenders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Random values = new Random(seed + t + 1);
            appenders.add(new Thread(() -> {
                try {
                    for (int seq = 0; !fs.isCrashed(); seq++) {
                        log.append(mutation(thread, seq, values)).join();
                        acknowledged.add(thread + ":" + seq);
                        if (acks.incrementAndGet() == crashAt) {
                            fs.crash();
                        }
                    }
                } catch (CompletionException e) {
                    if (!(e.getCause() instanceof StorageException)) {
                        unexpected.set(e);
                    }
                } catch (RuntimeException | IOException e) {
                    unexpected.set(e);
                }
            }, "appender-" + t));
        }
        appenders.forEach(Thread::start);
        for (Thread t : appenders) {
            t.join();
        }
        log.close();
        if (unexpected.get() != null) {
            fail("seed " + seed + ": an appender failed unexpectedly", unexpected.get());
        }

        List<Path> segments = new ArrayList<>(CommitLogTestSupport.segments(config.commitLogDirectory()).values());
        assertTrue(segments.size() >= 3, "seed " + seed + ": expected several segment switches, got " + segments);
        for (Path segment : segments) {
            assertEquals(CommitLogTestSupport.SEGMENT_SIZE, Files.size(segment), "seed " + seed + ": " + segment);
        }
        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config, fs.restarted());
        assertTrue(r.result().clean(), "seed " + seed + ": " + r.result());
        Set<String> replayed = new HashSet<>();
        int[] lastSeq = new int[threads];
        java.util.Arrays.fill(lastSeq, -1);
        for (Mutation m : r.mutations()) {
            ByteBuffer key = ByteBuffer.wrap(m.key());
            int thread = key.getInt();
            int seq = key.getInt();
            assertEquals(lastSeq[thread] + 1, seq, "seed " + seed + ": thread " + thread + " replayed with a gap");
            lastSeq[thread] = seq;
            replayed.add(thread + ":" + seq);
        }
        for (String ack : acknowledged) {
            assertTrue(replayed.contains(ack), "seed " + seed + ": acknowledged " + ack + " was lost");
        }
    }

    private static Mutation mutation(int thread, int seq, Random random) {
        byte[] key = ByteBuffer.allocate(8).putInt(thread).putInt(seq).array();
        byte[] value = new byte[random.nextInt(300)];
        random.nextBytes(value);
        return new Mutation("t", key, Cell.value(value, seq));
    }
}
