package io.stratadb.node.process;

import io.stratadb.client.StrataClient;
import io.stratadb.node.testing.linearizability.LinearizabilityChecker;
import io.stratadb.node.testing.linearizability.SerialWorkload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Jepsen-style, against real processes: three nodes from {@code bin/strata-cluster}, a keyspace of
 * replication factor 3, four clients (two token-aware, two round-robin) running random compare-and-set,
 * put-if-absent, delete-if, serial put and serial read operations on five keys for
 * {@code -Dlwt.process.seconds} (45 by default), while a nemesis SIGKILLs a random node
 * ({@code strata-cluster kill}), leaves it down for 0.5-3 s and restarts it ({@code start-node}, which
 * waits until every node sees it up), over and over. The history must be linearizable per key (outcomes
 * as in {@link SerialWorkload}). Prints its seed ({@code -Dseed=N} repeats the choices; timing varies);
 * on a violation the nodes' logs are kept in {@code node/target/lwt-process-SEED/}.
 */
@Tag("cluster-process")
class LightweightTransactionProcessIT {

    private static final int CLIENTS = 4;
    private static final String[] KEYS = {"k0", "k1", "k2", "k3", "k4"};
    private static final String KEYSPACE = "jepsen";

    @TempDir
    Path dir;

    private ClusterScript script;
    private boolean started;
    private int clientPort;
    private volatile int kills;

    @AfterEach
    void stopCluster() throws Exception {
        if (started) {
            ClusterScript.Result r = script.run("stop");
            assertEquals(0, r.exit(), "strata-cluster stop: " + r.output());
        }
    }

    @Test
    void serialOperationsStayLinearizableWhileNodesAreKilled() throws Exception {
        long seed = Long.getLong("seed", System.nanoTime());
        int seconds = Integer.getInteger("lwt.process.seconds", 45);
        System.out.println("LightweightTransactionProcessIT seed=" + seed + " (rerun with -Dseed=" + seed + ")");
        long began = System.nanoTime();
        script = new ClusterScript(dir);
        int[] ports = ClusterScript.freePortPair();
        clientPort = ports[0];
        started = true;
        ClusterScript.Result start = script.run("start", "--nodes", "3", "--rf", "3", "--keyspace", KEYSPACE,
                "--client-port", String.valueOf(ports[0]), "--internode-port", String.valueOf(ports[1]),
                "--timeout", "180");
        assertEquals(0, start.exit(), "strata-cluster start: " + start.output());
        List<String> contacts = List.of(address(1), address(2), address(3));

        SerialWorkload workload = new SerialWorkload(KEYSPACE, KEYS, Duration.ofSeconds(5));
        long workStarted = System.nanoTime();
        long deadline = workStarted + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        CountDownLatch clientsDone = new CountDownLatch(CLIENTS);
        CountDownLatch stopNemesis = new CountDownLatch(1);
        List<Throwable> errors = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int id = c;
            pool.execute(() -> {
                try (StrataClient client = workload.client(id, contacts)) {
                    workload.run(id, client, new Random(seed * 31 + id), n -> System.nanoTime() < deadline);
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
                nemesis(new Random(seed), stopNemesis, workStarted);
            } catch (Throwable t) {
                synchronized (errors) {
                    errors.add(t);
                }
            }
        });
        double workSeconds;
        try {
            assertTrue(clientsDone.await(seconds + 300L, TimeUnit.SECONDS), "clients finished");
            workSeconds = (System.nanoTime() - workStarted) / 1e9;
        } finally {
            stopNemesis.countDown();
            pool.shutdown();
            assertTrue(pool.awaitTermination(5, TimeUnit.MINUTES), "nemesis finished");
        }
        assertTrue(errors.isEmpty(), "client or nemesis failed: " + errors);

        long checkStarted = System.nanoTime();
        LinearizabilityChecker.Result result = workload.check();
        System.out.printf("LightweightTransactionProcessIT seed=%d: history %d operations in %.1f s, outcomes %s,"
                        + " %d SIGKILLs; check %.1f s, whole test %.1f s: %s%n",
                seed, workload.size(), workSeconds, workload.outcomes(), kills,
                (System.nanoTime() - checkStarted) / 1e9, (System.nanoTime() - began) / 1e9,
                result.ok() ? "linearizable" : "NOT linearizable");
        if (!result.ok()) {
            keepLogs(seed);
        }
        assertTrue(result.ok(), "not linearizable (seed " + seed + "):\n" + result.violation());
    }

    /**
     * Wait 0.5-2 s, kill, wait 0.5-3 s, restart and wait for convergence (10-27 s here); until told to
     * stop. A node killed when told to stop is still restarted, so every kill is followed by a restart that
     * must succeed.
     */
    private void nemesis(Random random, CountDownLatch stop, long since) throws IOException, InterruptedException {
        while (!stop.await(500 + random.nextInt(1_500), TimeUnit.MILLISECONDS)) {
            int victim = 1 + random.nextInt(3);
            ClusterScript.Result kill = script.run("kill", String.valueOf(victim));
            assertEquals(0, kill.exit(), "strata-cluster kill " + victim + ": " + kill.output());
            kills++;
            log(since, "SIGKILL node" + victim);
            stop.await(500 + random.nextInt(2_500), TimeUnit.MILLISECONDS);
            log(since, "start-node " + victim);
            ClusterScript.Result restart = script.run("start-node", String.valueOf(victim), "--timeout", "180");
            assertEquals(0, restart.exit(), "strata-cluster start-node " + victim + ": " + restart.output());
            log(since, "node" + victim + " up and seen up by all");
        }
    }

    private static void log(long since, String event) {
        System.out.printf("nemesis %6.1f s: %s%n", (System.nanoTime() - since) / 1e9, event);
    }

    private String address(int node) {
        return "127.0.0." + node + ":" + clientPort;
    }

    /** The nodes' logs, out of the temporary directory, for a failure to be studied. */
    private void keepLogs(long seed) throws IOException {
        Path target = Path.of(System.getProperty("user.dir"), "target", "lwt-process-" + seed);
        Files.createDirectories(target);
        for (int node = 1; node <= 3; node++) {
            Path log = script.clusterDir().resolve("node" + node).resolve("data/logs/strata.log");
            if (Files.exists(log)) {
                Files.copy(log, target.resolve("node" + node + ".log"), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        System.out.println("node logs kept in " + target);
    }
}
