package io.stratadb.node.hints;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.node.hints.HintFixtures.RecordingSender;
import io.stratadb.storage.io.LocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static io.stratadb.node.hints.HintFixtures.hint;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HintStoreTest {

    @TempDir
    Path dir;

    private final SteppedTime time = new SteppedTime();
    private final MetricRegistry metrics = new MetricRegistry();

    private HintStore open(HintStoreOptions options) throws Exception {
        return HintFixtures.open(new LocalFileSystem(), dir, time, options, metrics);
    }

    @Test
    void storeAndReplayForSeveralTargetsDeliversEachTargetItsOwnHintsInOrder() throws Exception {
        List<String> expectedA = new ArrayList<>();
        List<String> expectedB = new ArrayList<>();
        try (HintStore store = open(HintStoreOptions.defaults().withMaxFileBytes(300))) {
            for (int i = 0; i < 20; i++) {
                store.store("node-a", hint(time, "ks", i)).join();
                expectedA.add("node-a/key-" + i);
                if (i % 2 == 0) {
                    store.store("node-b", hint(time, "other", i)).join();
                    expectedB.add("node-b/key-" + i);
                }
            }
            assertEquals(Map.of("node-a", 20L, "node-b", 10L), store.pendingByTarget());
            assertEquals(30L, metrics.getGauges().get("hints.pending").getValue());
            assertTrue(Files.list(dir.resolve("hints/node-a")).count() > 1, "small files rolled");

            RecordingSender sender = new RecordingSender();
            ReplayResult a = store.replay("node-a", sender, RateLimit.unlimited(time)).result().join();
            assertTrue(a.complete());
            assertEquals(20, a.delivered());
            assertEquals(expectedA, sender.received, "oldest first");
            assertEquals(0, store.pendingHints("node-a"));
            assertEquals(10, store.pendingHints("node-b"));
            assertEquals(0, Files.list(dir.resolve("hints/node-a")).count(), "delivered files are deleted");

            RecordingSender senderB = new RecordingSender();
            store.replay("node-b", senderB, RateLimit.unlimited(time)).result().join();
            assertEquals(expectedB, senderB.received);
            assertEquals(Map.of(), store.pendingByTarget());
            assertEquals(30, metrics.meter("hints.stored").getCount());
            assertEquals(30, metrics.meter("hints.replayed").getCount());
        }
    }

    @Test
    void hintsSurviveARestartAndNewHintsGoToANewFile() throws Exception {
        try (HintStore store = open(HintStoreOptions.defaults())) {
            for (int i = 0; i < 5; i++) {
                store.store("node-a", hint(time, "ks", i)).join();
            }
        }
        try (HintStore store = open(HintStoreOptions.defaults())) {
            assertEquals(5, store.pendingHints("node-a"));
            store.store("node-a", hint(time, "ks", 5)).join();
            assertEquals(2, Files.list(dir.resolve("hints/node-a")).count());
            RecordingSender sender = new RecordingSender();
            store.replay("node-a", sender, RateLimit.unlimited(time)).result().join();
            assertEquals(List.of("node-a/key-0", "node-a/key-1", "node-a/key-2", "node-a/key-3", "node-a/key-4",
                    "node-a/key-5"), sender.received);
        }
    }

    @Test
    void aReplayThatFailsPartWayResumesAndLosesNothing() throws Exception {
        int total = 30;
        try (HintStore store = open(HintStoreOptions.defaults().withMaxFileBytes(400).withMaxInFlight(4))) {
            for (int i = 0; i < total; i++) {
                store.store("node-a", hint(time, "ks", i)).join();
            }
            RecordingSender sender = new RecordingSender();
            sender.failFrom(7);
            ReplayResult first = store.replay("node-a", sender, RateLimit.unlimited(time)).result().join();
            assertFalse(first.complete());
            assertTrue(first.failure() instanceof IllegalStateException, String.valueOf(first.failure()));
            assertEquals(total - 7, store.pendingHints("node-a"), "exactly the acknowledged prefix is done");

            RecordingSender again = new RecordingSender();
            ReplayResult second = store.replay("node-a", again, RateLimit.unlimited(time)).result().join();
            assertTrue(second.complete());
            List<String> expectedRest = new ArrayList<>();
            for (int i = 7; i < total; i++) {
                expectedRest.add("node-a/key-" + i);
            }
            assertEquals(expectedRest, again.received, "resumes right after the acknowledged prefix");
            assertEquals(0, store.pendingHints("node-a"));
        }
    }

    @Test
    void aStoppedReplayResumesLater() throws Exception {
        try (HintStore store = open(HintStoreOptions.defaults())) {
            for (int i = 0; i < 10; i++) {
                store.store("node-a", hint(time, "ks", i)).join();
            }
            HintReplay[] handle = new HintReplay[1];
            List<String> got = new ArrayList<>();
            HintSender stopAfterThree = (host, h) -> {
                got.add(HintFixtures.keyOf(h));
                if (got.size() == 3) {
                    handle[0].stop();
                }
                return CompletableFuture.completedFuture(null);
            };
            // A replay executor that only queues, so the handle is set before the replay runs.
            List<Runnable> queued = new ArrayList<>();
            try (HintStore stepped = HintStore.open(new LocalFileSystem(), dir.resolve("other"), time,
                    HintStoreOptions.defaults(), new HintExecutors(Runnable::run, queued::add, time), new MetricRegistry())) {
                for (int i = 0; i < 10; i++) {
                    stepped.store("node-a", hint(time, "ks", i)).join();
                }
                handle[0] = stepped.replay("node-a", stopAfterThree, RateLimit.unlimited(time));
                queued.remove(0).run();
                ReplayResult r = handle[0].result().join();
                assertFalse(r.complete());
                assertNull(r.failure());
                assertEquals(7, stepped.pendingHints("node-a"));
                RecordingSender rest = new RecordingSender();
                stepped.replay("node-a", rest, RateLimit.unlimited(time));
                queued.remove(0).run();
                assertEquals(7, rest.received.size());
                assertEquals(0, stepped.pendingHints("node-a"));
            }
        }
    }

    @Test
    void hintsOlderThanTheWindowAreDroppedAtReplay() throws Exception {
        HintWindow window = new HintWindow(60_000);
        try (HintStore store = open(HintStoreOptions.defaults().withWindow(window))) {
            store.store("node-a", hint(time, "ks", 0)).join();
            store.store("node-a", hint(time, "ks", 1)).join();
            time.advanceMillis(30_000);
            store.store("node-a", hint(time, "ks", 2)).join();
            time.advanceMillis(30_001); // the first two are now 60.001 s old, the third 30.001 s
            RecordingSender sender = new RecordingSender();
            ReplayResult r = store.replay("node-a", sender, RateLimit.unlimited(time)).result().join();
            assertEquals(2, r.expired());
            assertEquals(1, r.delivered());
            assertEquals(List.of("node-a/key-2"), sender.received);
            assertEquals(2, metrics.meter("hints.expired").getCount());
            assertEquals(0, store.pendingHints("node-a"));
        }
    }

    @Test
    void noHintsAreWrittenForATargetDownLongerThanTheWindow() throws Exception {
        try (HintStore store = open(HintStoreOptions.defaults())) {
            long now = time.nowMillis();
            assertTrue(store.shouldHint(now - HintWindow.DEFAULT_MILLIS, now));
            assertFalse(store.shouldHint(now - HintWindow.DEFAULT_MILLIS - 1, now));
        }
    }

    @Test
    void storesArrivingTogetherShareOneSync() throws Exception {
        List<Runnable> flushes = new ArrayList<>();
        var fs = new io.stratadb.storage.io.FaultInjectingFileSystem();
        try (HintStore store = HintStore.open(fs, dir, time, HintStoreOptions.defaults(),
                new HintExecutors(flushes::add, Runnable::run, time), metrics)) {
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                acks.add(store.store(i % 2 == 0 ? "node-a" : "node-b", hint(time, "ks", i)));
            }
            assertEquals(1, flushes.size(), "one flush scheduled for the whole batch");
            assertTrue(acks.stream().noneMatch(CompletableFuture::isDone), "nothing acknowledged before the sync");
            long before = fs.syncCount();
            flushes.remove(0).run();
            assertTrue(acks.stream().allMatch(f -> f.isDone() && !f.isCompletedExceptionally()));
            assertEquals(2, fs.syncCount() - before, "one file sync per target");
        }
    }

    @Test
    void deleteAllRemovesATargetsHints() throws Exception {
        try (HintStore store = open(HintStoreOptions.defaults())) {
            store.store("node-a", hint(time, "ks", 0)).join();
            store.store("node-b", hint(time, "ks", 1)).join();
            store.deleteAll("node-a");
            assertEquals(Map.of("node-b", 1L), store.pendingByTarget());
            assertFalse(Files.exists(dir.resolve("hints/node-a")));
            store.store("node-a", hint(time, "ks", 2)).join();
            assertEquals(1, store.pendingHints("node-a"), "a target can come back");
        }
    }

    @Test
    void rejectsHostIdsThatAreNotSafeDirectoryNames() throws Exception {
        try (HintStore store = open(HintStoreOptions.defaults())) {
            for (String bad : new String[] {"", "..", "a/b", ".hidden"}) {
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> store.store(bad, hint(time, "ks", 0)), bad);
            }
            assertEquals(new HashSet<>(), store.pendingByTarget().keySet());
        }
    }

    @Test
    void hintsStoredDuringAReplayAreDeliveredByIt() throws Exception {
        try (HintStore store = open(HintStoreOptions.defaults())) {
            store.store("node-a", hint(time, "ks", 0)).join();
            List<String> got = new ArrayList<>();
            HintSender sender = (host, h) -> {
                got.add(HintFixtures.keyOf(h));
                if (got.size() == 1) {
                    store.store("node-a", hint(time, "ks", 1)).join(); // a write timed out meanwhile
                }
                return CompletableFuture.completedFuture(null);
            };
            assertTrue(store.replay("node-a", sender, RateLimit.unlimited(time)).result().join().complete());
            assertEquals(List.of("key-0", "key-1"), got);
            assertEquals(0, store.pendingHints("node-a"));
        }
    }

    @Test
    void aClosedStoreRefusesWork() throws Exception {
        HintStore store = open(HintStoreOptions.defaults());
        store.close();
        assertTrue(store.store("node-a", hint(time, "ks", 0)).isCompletedExceptionally());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> store.replay("node-a", new RecordingSender(), RateLimit.unlimited(time)));
    }
}
