package io.stratadb.node.cluster;

import io.stratadb.client.StrataClient;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.messaging.MessageFilter;
import io.stratadb.node.messaging.Verb;
import io.stratadb.node.testing.TestCluster;
import io.stratadb.node.testing.linearizability.LinearizabilityChecker;
import io.stratadb.node.testing.linearizability.SerialWorkload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jepsen-style: clients run random compare-and-set, put-if-absent, delete-if, serial put and serial read
 * operations on a few keys of a three-node in-JVM cluster while a nemesis partitions nodes, drops and
 * delays Paxos messages, and stops and restarts a node. The history (TIMEOUT and lost connections as
 * unknown outcomes; UNAVAILABLE, OVERLOADED and CONTENTION as certainly without effect, which is what the
 * protocol promises) must be linearizable per key. Seeded: {@code -Dseed=N} reruns the same choices
 * (thread timing still varies).
 */
class LightweightTransactionLinearizabilityTest {

    private static final int CLIENTS = 4;
    private static final int OPS_PER_CLIENT = 200;
    private static final String[] KEYS = {"k0", "k1", "k2", "k3", "k4"};

    @TempDir
    Path dir;
    private volatile int faults;
    TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void serialOperationsStayLinearizableUnderPartitionsDropsDelaysAndRestarts() throws Exception {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("LightweightTransactionLinearizabilityTest seed=" + seed + " (rerun with -Dseed=" + seed + ")");
        cluster = TestCluster.start(dir, 3, b -> b.writeTimeoutMs(1_500));
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            contacts.add("127.0.0.1:" + cluster.node(i).clientAddress().getPort());
        }
        try (StrataClient admin = StrataClient.builder().contactPoints(contacts).build()) {
            admin.createKeyspace("jepsen", 3);
        }
        SerialWorkload workload = new SerialWorkload("jepsen", KEYS, Duration.ofSeconds(3));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        CountDownLatch clientsDone = new CountDownLatch(CLIENTS);
        List<Throwable> errors = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int id = c;
            pool.execute(() -> {
                try (StrataClient client = workload.client(id, contacts)) {
                    workload.run(id, client, new Random(seed * 31 + id), n -> n < OPS_PER_CLIENT);
                } catch (Throwable t) {
                    synchronized (errors) {
                        errors.add(t);
                    }
                } finally {
                    clientsDone.countDown();
                }
            });
        }
        pool.execute(() -> {
            try {
                nemesis(new Random(seed), running);
            } catch (Throwable t) {
                synchronized (errors) {
                    errors.add(t);
                }
            }
        });
        assertTrue(clientsDone.await(4, TimeUnit.MINUTES), "clients finished");
        running.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
        assertTrue(errors.isEmpty(), "client or nemesis failed: " + errors);

        System.out.println("history: " + workload.size() + " operations, outcomes " + workload.outcomes()
                + ", nemesis " + faults);
        LinearizabilityChecker.Result result = workload.check();
        assertTrue(result.ok(), "not linearizable (seed " + seed + "):\n" + result.violation() + "\n" + replicaCells());
    }

    /** Each node's stored cell per key: what a failure report needs to tell a lost write from a lost order. */
    private String replicaCells() {
        StringBuilder sb = new StringBuilder("stored cells (value@timestamp):\n");
        for (String key : KEYS) {
            sb.append("  ").append(key).append(':');
            for (int i = 0; i < 3; i++) {
                io.stratadb.storage.Cell c = ClusterFailureTest.storedLocally(cluster.node(i), "jepsen", key);
                sb.append("  node").append(i).append('=').append(c == null ? "-"
                        : (c.value() == null ? "tombstone" : new String(c.value())) + "@" + c.timestamp());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Every ~500 ms: heal, then one fault for a while; a stopped node is restarted at the next turn. */
    private void nemesis(Random random, AtomicBoolean running) throws InterruptedException {
        MessageFilter filter = cluster.filter();
        int stopped = -1;
        while (running.get()) {
            faults++;
            filter.clear();
            if (stopped >= 0) {
                cluster.restart(stopped);
                stopped = -1;
            }
            int victim = random.nextInt(3);
            Endpoint v = cluster.node(victim).internodeEndpoint();
            switch (random.nextInt(5)) {
                case 0 -> { // isolate one node
                    for (int other = 0; other < 3; other++) {
                        if (other != victim) {
                            filter.dropBothWays(v, cluster.node(other).internodeEndpoint());
                        }
                    }
                }
                case 1 -> filter.drop(v, null, Verb.PAXOS_PROMISE, Verb.PAXOS_ACCEPT); // answers lost
                case 2 -> filter.drop(null, v, Verb.PAXOS_PROPOSE, Verb.PAXOS_COMMIT); // requests lost
                case 3 -> filter.delayBothWays(v, cluster.node((victim + 1) % 3).internodeEndpoint(),
                        Duration.ofMillis(80));
                default -> {
                    cluster.stop(victim);
                    stopped = victim;
                }
            }
            Thread.sleep(500);
        }
        filter.clear();
        if (stopped >= 0) {
            cluster.restart(stopped);
        }
    }
}
