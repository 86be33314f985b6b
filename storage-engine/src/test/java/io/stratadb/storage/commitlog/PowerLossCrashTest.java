package io.stratadb.storage.commitlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.stratadb.storage.Cell;
import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.StorageException;
import io.stratadb.storage.SyncMode;
import io.stratadb.storage.io.FaultInjectingFileSystem;
import io.stratadb.storage.io.SyncSkippingFileSystem;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power loss with preallocated segments: a machine crash during or before an fsync may persist any
 * subset of the unsynced pages, in any order, so the newest segment can show zeros or old bytes followed
 * by intact writes that were never synced. Replay must call that a torn tail, never corruption, and
 * must keep everything that was durable.
 *
 * <p>Each iteration: writer threads append in bursts (GROUP: each waits for the burst's
 * acknowledgements; PERIODIC: nothing to wait for), the power is cut
 * ({@link FaultInjectingFileSystem#crashLosingUnsyncedPagesRandomly}) either at a random moment or in
 * place of a random segment sync, and the log is replayed under
 * STOP. It must (a) not throw, (b) in GROUP mode contain every acknowledged entry, and in both modes
 * every entry the completed syncs had made durable when the crash came (in PERIODIC mode that is what
 * "acknowledged before the last completed sync" can mean: the writer, not the producer, decides which
 * sync covers an entry, so the test asks the file system what its syncs had made durable at the crash),
 * (c) hand out, per writer thread, a gap-free prefix of what it wrote, byte for byte, and (d) leave
 * a log that replays cleanly the second time.
 *
 * <p>Iteration seeds chain from the printed seed; a failure names its iteration's seed, and
 * {@code -Dseed=N -Diterations=1} reruns that iteration (the crash point, values and page choices are
 * fixed by the seed; thread interleaving is not). Syncs are skipped on the real disk
 * ({@link SyncSkippingFileSystem}): the fault-injecting file system decides what a crash keeps, so real
 * fsyncs would only cost time.
 */
class PowerLossCrashTest {

    private static final int ITERATIONS = Integer.getInteger("iterations", 100);
    /** Large enough that a GROUP batch often spans several pages, which a power cut may persist out of order. */
    private static final int MAX_VALUE = 2000;
    private static final int MAX_BURST = 8;
    /** Near the smallest segment StorageConfig allows (one maximal key must fit), so crashes meet switches. */
    private static final int SEGMENT_SIZE = 72 << 10;

    @TempDir
    Path dir;

    private int tornTails;
    private int crashesLeavingIntactEntriesAfterDamage;

    @Test
    void groupCommitNeverLosesAnAcknowledgedEntryNorReportsFalseCorruption() throws Exception {
        runIterations(SyncMode.GROUP, CommitLogTestSupport.seed("powerLossGroup"));
    }

    @Test
    void periodicSyncNeverLosesASyncedEntryNorReportsFalseCorruption() throws Exception {
        runIterations(SyncMode.PERIODIC, CommitLogTestSupport.seed("powerLossPeriodic"));
    }

    private void runIterations(SyncMode mode, long firstSeed) throws Exception {
        long seed = firstSeed;
        for (int i = 0; i < ITERATIONS; i++) {
            try {
                iteration(mode, seed, dir.resolve("run-" + i));
            } catch (AssertionError | Exception e) {
                throw new AssertionError(mode + " iteration " + i + " failed; rerun it with -Dseed=" + seed
                        + " -Diterations=1: " + e.getMessage(), e);
            }
            seed = new Random(seed).nextLong();
        }
        System.out.printf("%s: %d iterations, %d torn tails; %d crashes left intact entries after damaged bytes"
                + " (format V1 refused to start on those)%n", mode, ITERATIONS, tornTails,
                crashesLeavingIntactEntriesAfterDamage);
        if (ITERATIONS >= 50) {
            // About one crash in ten leaves them; none in 50 would mean the test no longer reaches the case.
            assertTrue(crashesLeavingIntactEntriesAfterDamage > 0, "no crash left intact entries after damage");
        }
    }

    private void iteration(SyncMode mode, long seed, Path dataDir) throws Exception {
        Random random = new Random(seed);
        StorageConfig.Builder builder = StorageConfig.builder(dataDir).segmentSize(SEGMENT_SIZE).maxValueSize(MAX_VALUE)
                .syncMode(mode);
        if (mode == SyncMode.GROUP) {
            builder.groupWindow(random.nextInt(4) != 0 ? Duration.ZERO : Duration.ofNanos(random.nextInt(100_000)));
        } else {
            builder.periodicSyncInterval(Duration.ofMillis(1 + random.nextInt(2)));
        }
        StorageConfig config = builder.build();
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem(new SyncSkippingFileSystem());
        CommitLog log = CommitLogTestSupport.openAndStart(config, fs);
        int threads = 2 + random.nextInt(5);
        AtomicIntegerArray acknowledged = new AtomicIntegerArray(threads);
        AtomicInteger totalAcknowledged = new AtomicInteger();
        AtomicReference<Throwable> unexpected = new AtomicReference<>();
        List<Thread> appenders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            long burstSeed = random.nextLong();
            appenders.add(new Thread(() -> append(log, fs, mode, thread, burstSeed, acknowledged, totalAcknowledged,
                    unexpected), "power-loss-appender-" + t));
        }
        Random pages = new Random(random.nextLong());
        boolean atSync = random.nextInt(4) != 0;
        if (atSync) {
            // The worst moment: a batch (several, in PERIODIC mode) written, none of it synced yet.
            // Counting only the writer's syncs of segments, not those that prepare spare segments.
            fs.powerCutAtSync(1 + random.nextInt(mode == SyncMode.GROUP ? 40 : 10), pages,
                    p -> p.getFileName().toString().endsWith(".log"));
        }
        long syncsAtStart = fs.syncCount();
        appenders.forEach(Thread::start);

        if (mode == SyncMode.GROUP) {
            int crashAt = 1 + random.nextInt(500);
            awaitOrCrashed(() -> totalAcknowledged.get() >= crashAt, fs);
        } else {
            long syncs = syncsAtStart + 1 + random.nextInt(4);
            awaitOrCrashed(() -> fs.syncCount() >= syncs, fs);
            spin(random.nextInt(2_000));
        }
        if (!atSync) {
            fs.crashLosingUnsyncedPagesRandomly(pages);
        }
        awaitOrCrashed(() -> false, fs);
        for (Thread t : appenders) {
            t.join();
        }
        log.close();
        if (unexpected.get() != null) {
            fail("an appender failed unexpectedly", unexpected.get());
        }

        Set<String> synced = new HashSet<>();
        for (Path segment : CommitLogTestSupport.segments(config.commitLogDirectory()).values()) {
            byte[] now = Files.readAllBytes(segment);
            byte[] durable = fs.durableContentsAtCrash(segment);
            addKeys(CommitLogTestSupport.readEntries(durable != null ? durable : now), synced);
            if (CommitLogTestSupport.intactEntryAfterFirstDamage(now)) {
                crashesLeavingIntactEntriesAfterDamage++;
            }
        }
        CommitLogTestSupport.Replayed r;
        try {
            r = CommitLogTestSupport.replay(config, fs.restarted());
        } catch (CorruptionException e) {
            throw new AssertionError("a power cut was reported as corruption: " + e.getMessage(), e);
        }
        int[] replayedPerThread = checkPrefixes(r.mutations(), threads);
        for (int t = 0; t < threads; t++) {
            if (mode == SyncMode.GROUP) {
                assertTrue(replayedPerThread[t] >= acknowledged.get(t), "thread " + t + ": acknowledged "
                        + acknowledged.get(t) + " entries, replayed " + replayedPerThread[t]);
            }
        }
        for (String entry : synced) {
            String[] parts = entry.split(":");
            assertTrue(Integer.parseInt(parts[1]) < replayedPerThread[Integer.parseInt(parts[0])],
                    "synced entry " + entry + " was lost; replayed per thread "
                            + java.util.Arrays.toString(replayedPerThread));
        }
        assertTrue(r.result().skippedCorruptions().isEmpty(), r.result().toString());
        tornTails += r.result().tornTails().size();
        CommitLogTestSupport.Replayed again = CommitLogTestSupport.replay(config, fs.restarted());
        assertTrue(again.result().clean(), "second replay: " + again.result());
        assertEquals(r.mutations().size(), again.mutations().size(), "second replay");
    }

    /**
     * One writer thread: appends bursts of up to {@link #MAX_BURST} entries, then waits for them (GROUP:
     * their acknowledgements; PERIODIC: nothing to wait for), like a node serving several requests at
     * once. Bursts make GROUP batches span several pages, which a power cut may persist out of order.
     */
    private static void append(CommitLog log, FaultInjectingFileSystem fs, SyncMode mode, int thread, long seed,
            AtomicIntegerArray acknowledged, AtomicInteger total, AtomicReference<Throwable> unexpected) {
        Random bursts = new Random(seed);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        try {
            for (int seq = 0; !fs.isCrashed() && seq < 1_000_000; ) {
                int burst = 1 + bursts.nextInt(MAX_BURST);
                for (int i = 0; i < burst; i++) {
                    pending.add(log.append(mutation(thread, seq + i)));
                }
                for (CompletableFuture<Void> f : pending) {
                    f.join();
                }
                pending.clear();
                seq += burst;
                acknowledged.set(thread, seq);
                total.addAndGet(burst);
                if (mode == SyncMode.PERIODIC) {
                    // Keeps producers from filling the whole queue ahead of the log writer, which only costs time.
                    LockSupport.parkNanos(10_000);
                }
            }
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof StorageException)) {
                unexpected.set(e);
            }
        } catch (RuntimeException e) {
            unexpected.set(e);
        }
    }

    /** Thread {@code thread}'s entry number {@code seq}; the value is a function of both, so replay can check it. */
    static Mutation mutation(int thread, int seq) {
        byte[] key = ByteBuffer.allocate(8).putInt(thread).putInt(seq).array();
        byte[] value = new byte[(seq * 37 + thread * 11) % MAX_VALUE];
        for (int i = 0; i < value.length; i++) {
            value[i] = (byte) (thread * 31 + seq + i);
        }
        return new Mutation("t", key, Cell.value(value, seq));
    }

    /** Checks that each thread's entries replay as 0, 1, 2, ... exactly as written; returns how many each has. */
    private static int[] checkPrefixes(List<Mutation> replayed, int threads) {
        int[] next = new int[threads];
        for (Mutation m : replayed) {
            ByteBuffer key = ByteBuffer.wrap(m.key());
            int thread = key.getInt();
            int seq = key.getInt();
            assertTrue(thread >= 0 && thread < threads, "unknown thread " + thread);
            assertEquals(next[thread], seq, "thread " + thread + " replayed out of order or with a gap");
            CommitLogTestSupport.assertSameMutation(mutation(thread, seq), m, "thread " + thread + " entry " + seq);
            next[thread]++;
        }
        return next;
    }

    private static void addKeys(List<CommitLogTestSupport.Entry> entries, Set<String> out) {
        for (CommitLogTestSupport.Entry e : entries) {
            ByteBuffer key = ByteBuffer.wrap(e.mutation().key());
            out.add(key.getInt() + ":" + key.getInt());
        }
    }

    /** Waits until {@code condition} holds or the file system has crashed, whichever comes first. */
    private static void awaitOrCrashed(java.util.function.BooleanSupplier condition, FaultInjectingFileSystem fs) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && !fs.isCrashed()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for the writers");
            }
            LockSupport.parkNanos(20_000);
        }
    }

    private static void spin(long micros) {
        long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(micros);
        while (System.nanoTime() < until) {
            Thread.onSpinWait();
        }
    }
}
