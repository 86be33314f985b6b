package io.stratadb.node.hints;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.node.hints.HintFixtures.RecordingSender;
import io.stratadb.storage.io.FaultInjectingFileSystem;
import io.stratadb.storage.io.LocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import static io.stratadb.node.hints.HintFixtures.hint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Crashes and torn tails: every acknowledged hint survives; what was never acknowledged may not. */
class HintCrashTest {

    @TempDir
    Path dir;

    private final SteppedTime time = new SteppedTime();

    @Test
    void everyAcknowledgedHintSurvivesACrash() throws Exception {
        long seed = Long.getLong("seed", System.nanoTime()); // rerun one: -DargLine=-Dseed=N
        System.out.println("HintCrashTest seed " + seed);
        Random random = new Random(seed);
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        List<Runnable> flushes = new ArrayList<>();
        Set<String> acknowledged = new HashSet<>();
        HintStore store = HintStore.open(fs, dir, time, HintStoreOptions.defaults().withMaxFileBytes(500),
                new HintExecutors(flushes::add, Runnable::run, time), new MetricRegistry());
        Map<String, CompletableFuture<Void>> acks = new LinkedHashMap<>();
        int n = 0;
        for (int round = 0; round < 20; round++) {
            int batch = 1 + random.nextInt(5);
            for (int i = 0; i < batch; i++, n++) {
                String target = "node-" + random.nextInt(3);
                acks.put(target + "/key-" + n, store.store(target, hint(time, "ks", n)));
            }
            if (random.nextInt(5) == 0) {
                fs.failNext(FaultInjectingFileSystem.Operation.SYNC); // this batch fails: not acknowledged
            }
            if (random.nextInt(4) != 0) { // otherwise the batch waits and joins the next group sync
                flushes.forEach(Runnable::run);
                flushes.clear();
            }
        }
        for (int i = 0; i < 3; i++, n++) { // stored, never synced: may be lost
            acks.put("node-0/key-" + n, store.store("node-0", hint(time, "ks", n)));
        }
        acks.forEach((key, ack) -> {
            if (ack.isDone() && !ack.isCompletedExceptionally()) {
                acknowledged.add(key);
            }
        });
        assertTrue(acknowledged.size() > 10, "seed " + seed);
        fs.crash();

        FaultInjectingFileSystem after = fs.restarted();
        try (HintStore reopened = HintStore.open(after, dir, time, HintStoreOptions.defaults(),
                HintFixtures.inline(time), new MetricRegistry())) {
            RecordingSender sender = new RecordingSender();
            for (String target : reopened.pendingByTarget().keySet()) {
                assertTrue(reopened.replay(target, sender, RateLimit.unlimited(time)).result().join().complete());
            }
            assertTrue(new HashSet<>(sender.received).containsAll(acknowledged),
                    "lost acknowledged hints (seed " + seed + "): " + missing(acknowledged, sender.received));
        }
    }

    @Test
    void aFailedSyncFailsTheStoreAndTheNextBatchGoesToANewFile() throws Exception {
        FaultInjectingFileSystem fs = new FaultInjectingFileSystem();
        try (HintStore store = HintFixtures.open(fs, dir, time, HintStoreOptions.defaults(), new MetricRegistry())) {
            store.store("node-a", hint(time, "ks", 0)).join();
            fs.failNext(FaultInjectingFileSystem.Operation.SYNC);
            CompletableFuture<Void> failed = store.store("node-a", hint(time, "ks", 1));
            assertTrue(failed.isCompletedExceptionally());
            store.store("node-a", hint(time, "ks", 2)).join();
            fs.crash();
        }
        try (HintStore reopened = HintFixtures.open(fs.restarted(), dir, time, HintStoreOptions.defaults(),
                new MetricRegistry())) {
            RecordingSender sender = new RecordingSender();
            reopened.replay("node-a", sender, RateLimit.unlimited(time)).result().join();
            assertEquals(List.of("node-a/key-0", "node-a/key-2"), sender.received);
        }
    }

    @Test
    void aTornTailIsCutAtStartupAndTheHintsBeforeItReplay() throws Exception {
        Path file = writeThreeHints();
        long goodLength = Files.size(file);
        append(file, new byte[] {0, 0, 0, 40, 1, 2}); // a frame header cut short
        assertTornTailCut(file, goodLength);
    }

    @Test
    void aTailOfZerosIsATornTailNotCorruption() throws Exception {
        Path file = writeThreeHints();
        long goodLength = Files.size(file);
        append(file, new byte[4096]); // the file system extended the file, the data never came
        MetricRegistry metrics = assertTornTailCut(file, goodLength);
        assertEquals(0, metrics.meter("hints.corrupt").getCount());
    }

    @Test
    void anEntryCutInItsPayloadIsATornTail() throws Exception {
        Path file = writeThreeHints();
        long goodLength = Files.size(file);
        byte[] whole = Files.readAllBytes(file);
        long last = HintCorruptionTest.entryOffset(whole, 2);
        // The last entry again, cut 20 bytes in: its length is whole but its payload is not.
        append(file, java.util.Arrays.copyOfRange(whole, (int) last, (int) last + 20));
        assertTornTailCut(file, goodLength);
    }

    private Path writeThreeHints() throws Exception {
        try (HintStore store = HintFixtures.open(new LocalFileSystem(), dir, time, HintStoreOptions.defaults(),
                new MetricRegistry())) {
            for (int i = 0; i < 3; i++) {
                store.store("node-a", hint(time, "ks", i)).join();
            }
        }
        return dir.resolve("hints/node-a/" + HintFile.fileName(0));
    }

    private MetricRegistry assertTornTailCut(Path file, long goodLength) throws Exception {
        MetricRegistry metrics = new MetricRegistry();
        try (HintStore store = HintFixtures.open(new LocalFileSystem(), dir, time, HintStoreOptions.defaults(), metrics)) {
            assertEquals(goodLength, Files.size(file), "cut back to the last whole entry");
            assertEquals(3, store.pendingHints("node-a"));
            RecordingSender sender = new RecordingSender();
            ReplayResult r = store.replay("node-a", sender, RateLimit.unlimited(time)).result().join();
            assertEquals(List.of("node-a/key-0", "node-a/key-1", "node-a/key-2"), sender.received);
            assertTrue(r.corruptions().isEmpty());
        }
        return metrics;
    }

    private static void append(Path file, byte[] bytes) throws Exception {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(bytes));
        }
    }

    private static Set<String> missing(Set<String> expected, List<String> got) {
        Set<String> m = new HashSet<>(expected);
        got.forEach(m::remove);
        return m;
    }
}
