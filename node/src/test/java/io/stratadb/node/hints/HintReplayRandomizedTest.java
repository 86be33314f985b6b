package io.stratadb.node.hints;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.io.LocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.stratadb.node.hints.HintFixtures.hint;
import static io.stratadb.node.hints.HintFixtures.keyOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Acknowledgements arrive out of order and some sends fail; replay is retried until it completes. Every
 * hint must have been delivered at least once, and nothing may remain pending.
 */
class HintReplayRandomizedTest {

    @TempDir
    Path dir;

    @Test
    void outOfOrderAcksAndFailuresLoseNothing() throws Exception {
        long seed = Long.getLong("seed", System.nanoTime()); // rerun one: -DargLine=-Dseed=N
        System.out.println("HintReplayRandomizedTest seed " + seed);
        Random random = new Random(seed);
        SteppedTime time = new SteppedTime();
        int total = 300;
        LinkedBlockingQueue<CompletableFuture<Void>> outstanding = new LinkedBlockingQueue<>();
        Set<String> delivered = Collections.synchronizedSet(new HashSet<>());
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxOutstanding = new AtomicInteger();
        ExecutorService network = Executors.newSingleThreadExecutor();
        try (HintStore store = HintFixtures.open(new LocalFileSystem(), dir, time,
                HintStoreOptions.defaults().withMaxFileBytes(2_000).withMaxInFlight(8), new MetricRegistry())) {
            for (int i = 0; i < total; i++) {
                store.store("node-a", hint(time, "ks", i)).join();
            }
            // The "network": completes whatever is outstanding in a random order, failing about 1 in 50.
            Random netRandom = new Random(random.nextLong());
            network.execute(() -> {
                List<CompletableFuture<Void>> batch = new ArrayList<>();
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        batch.add(outstanding.take());
                        outstanding.drainTo(batch);
                        Collections.shuffle(batch, netRandom);
                        for (CompletableFuture<Void> f : batch) {
                            inFlight.decrementAndGet(); // before completing: replay may send the next at once
                            if (netRandom.nextInt(50) == 0) {
                                f.completeExceptionally(new IllegalStateException("timeout"));
                            } else {
                                f.complete(null);
                            }
                        }
                        batch.clear();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            HintSender sender = (host, h) -> {
                maxOutstanding.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                CompletableFuture<Void> ack = new CompletableFuture<>();
                ack.thenRun(() -> delivered.add(keyOf(h)));
                outstanding.add(ack);
                return ack;
            };
            int rounds = 0;
            boolean complete = false;
            while (!complete && rounds++ < 500) {
                complete = store.replay("node-a", sender, RateLimit.unlimited(time)).result().join().complete();
            }
            assertTrue(complete, "seed " + seed);
            assertEquals(0, store.pendingHints("node-a"), "seed " + seed);
            assertEquals(total, delivered.size(), "seed " + seed);
            assertTrue(maxOutstanding.get() <= 8, "at most maxInFlight sends outstanding: " + maxOutstanding.get());
        } finally {
            network.shutdownNow();
            network.awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
