package io.stratadb.storage.commitlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.StorageException;
import io.stratadb.storage.io.FaultInjectingFileSystem;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * GROUP mode promises that a completed future means the mutation survives a crash. The fault-injecting
 * file system throws away everything not synced, so acknowledging before the fsync would show here.
 */
class GroupCommitDurabilityTest {

    private static final int THREADS = 16;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedMutationSurvivesACrashAfterTheAppendersFinish() throws Exception {
        long seed = CommitLogTestSupport.seed("groupDurableAfterFinish");
        runAndCrash(seed, 40, Integer.MAX_VALUE);
    }

    @Test
    void everyAcknowledgedMutationSurvivesACrashInTheMiddleOfAppends() throws Exception {
        long seed = CommitLogTestSupport.seed("groupDurableMidway");
        runAndCrash(seed, 1_000_000, 600);
    }

    /**
     * {@link #THREADS} threads append (each keeping a few appends in flight) until each has made
     * {@code perThread} appends or {@code crashAfterAcks} have been acknowledged in total; then the file
     * system crashes with the log still open (the appender that saw that acknowledgement crashes it at
     * once), and a fresh log replays what survived.
     */
    private void runAndCrash(long seed, int perThread, int crashAfterAcks) throws Exception {
        StorageConfig config = CommitLogTestSupport.config(dir).build();
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        CommitLog log = CommitLogTestSupport.openAndStart(config, fs);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger ackCount = new AtomicInteger();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        List<Thread> appenders = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            Random random = new Random(seed + t);
            appenders.add(new Thread(() -> {
                try {
                    for (int i = 0; i < perThread; i += 4) {
                        List<CompletableFuture<Void>> inFlight = new ArrayList<>();
                        for (int j = i; j < i + 4; j++) {
                            inFlight.add(log.append(mutation(thread, j, random)));
                        }
                        for (int j = 0; j < inFlight.size(); j++) {
                            inFlight.get(j).join();
                            acknowledged.add(thread + ":" + (i + j));
                            if (ackCount.incrementAndGet() == crashAfterAcks) {
                                // Crash right on an acknowledgement, the moment an early ack would show.
                                fs.crash();
                            }
                        }
                    }
                } catch (CompletionException e) {
                    if (!(e.getCause() instanceof StorageException)) {
                        unexpected.set(e);
                    }
                } catch (RuntimeException | java.io.IOException e) {
                    unexpected.set(e);
                }
            }, "appender-" + t));
        }
        appenders.forEach(Thread::start);
        for (Thread t : appenders) {
            t.join();
        }
        fs.crash();
        log.close();
        if (unexpected.get() != null) {
            fail("an appender failed unexpectedly", unexpected.get());
        }

        CommitLogTestSupport.Replayed r = CommitLogTestSupport.replay(config, fs.restarted());

        Map<Integer, Integer> lastSeqPerThread = new HashMap<>();
        Set<String> replayed = ConcurrentHashMap.newKeySet();
        for (Mutation m : r.mutations()) {
            ByteBuffer key = ByteBuffer.wrap(m.key());
            int thread = key.getInt();
            int seq = key.getInt();
            Integer previous = lastSeqPerThread.put(thread, seq);
            assertTrue(previous == null || previous < seq,
                    "seed " + seed + ": thread " + thread + " replayed out of order: " + previous + " then " + seq);
            replayed.add(thread + ":" + seq);
        }
        for (String ack : acknowledged) {
            assertTrue(replayed.contains(ack), "seed " + seed + ": acknowledged mutation " + ack + " was lost");
        }
        assertTrue(r.result().skippedCorruptions().isEmpty(), r.result().toString());
        assertTrue(acknowledged.size() >= Math.min(crashAfterAcks, THREADS * perThread));
        if (crashAfterAcks == Integer.MAX_VALUE) {
            assertEquals(THREADS * perThread, acknowledged.size());
        }
    }

    private static Mutation mutation(int thread, int seq, Random random) {
        byte[] key = ByteBuffer.allocate(8).putInt(thread).putInt(seq).array();
        byte[] value = new byte[random.nextInt(300)];
        random.nextBytes(value);
        return new Mutation("t", key, Cell.value(value, seq));
    }
}
