package io.stratadb.node.paxos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.node.paxos.message.PrepareRequest;
import io.stratadb.node.paxos.message.ProposeRequest;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Clock;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.engine.StorageEngine;
import io.stratadb.storage.io.LocalFileSystem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent requests on one key through a replica over the real storage engine: the per-key lock must
 * make each rule's load-decide-save atomic, or two racing requests would both act on the same old state
 * and the later save would undo the earlier promise.
 */
class PaxosReplicaConcurrencyTest {

    private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void theHighestBallotAnyoneWasPromisedOrAcceptedIsTheOneKept() throws Exception {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("PaxosReplicaConcurrencyTest seed " + seed + " (rerun with -Dseed=" + seed + ")");
        try (StorageEngine engine = StorageEngine.open(StorageConfig.builder(dir).build(), new LocalFileSystem(),
                Clock.system(), new MetricRegistry())) {
            AtomicLong micros = new AtomicLong(1_700_000_000_000_000L);
            PaxosReplica replica = new PaxosReplica(new StoragePaxosStateStore(engine, micros::incrementAndGet),
                    new StoragePaxosDataTable(engine));
            int threads = 4;
            AtomicLong regressions = new AtomicLong();
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> workers = new ArrayList<>();
            List<List<Ballot>> granted = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Ballot> mine = new ArrayList<>();
                granted.add(mine);
                Random r = new Random(seed + t);
                int node = t;
                Ballot[] highestGranted = {Ballot.NONE};
                Thread w = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < 150; i++) {
                        Ballot b = new Ballot(1000 + r.nextInt(100_000), node);
                        boolean ok = r.nextBoolean()
                                ? replica.prepare(new PrepareRequest("t", KEY, b)).promised()
                                : replica.propose(new ProposeRequest("t", KEY, new Proposal(b, Cell.value(new byte[] {1}, b.micros())))).accepted();
                        if (ok) {
                            // Nothing below a ballot this thread was granted may be granted afterwards:
                            // that would mean a racing save undid the promise.
                            if (b.isBefore(highestGranted[0])) {
                                regressions.incrementAndGet();
                            }
                            highestGranted[0] = Ballot.max(highestGranted[0], b);
                            mine.add(b);
                        }
                    }
                }, "paxos-replica-test-" + t);
                workers.add(w);
                w.start();
            }
            go.countDown();
            for (Thread w : workers) {
                w.join();
            }
            Ballot highest = granted.stream().flatMap(List::stream).max(Ballot::compareTo).orElseThrow();
            PaxosState s = new StoragePaxosStateStore(engine, micros::incrementAndGet).load("t", KEY);
            assertEquals(0, regressions.get(), "promises undone by racing saves, seed " + seed);
            assertEquals(highest, s.promised(), "seed " + seed);
            assertTrue(s.accepted() == null || !s.accepted().ballot().isAfter(s.promised()));
        }
    }
}
