package io.stratadb.node.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratadb.client.ReadResult;
import io.stratadb.client.RequestOptions;
import io.stratadb.client.StrataClient;
import io.stratadb.client.WriteOptions;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.routing.ContactPointsOnlyPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A three-node cluster of real JVMs from {@code bin/strata-cluster}: QUORUM writes, SIGKILL of one node,
 * QUORUM reads without it, more writes while it is down, a restart with {@code start-node}; the node must
 * come back with the same host id and tokens and hold every write (read at ONE with the other two stopped,
 * so nothing but its own storage can answer).
 */
@Tag("cluster-process")
class LocalClusterProcessIT {

    private static final String KEYSPACE = "kv";
    private static final int KEYS = 200;

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
    private final List<StrataClient> clients = new ArrayList<>();
    private int clientPort;
    private boolean started;

    @AfterEach
    void stopEverything() throws Exception {
        clients.forEach(StrataClient::close);
        if (started) {
            ClusterScript.Result r = cluster("stop");
            assertEquals(0, r.exit(), "strata-cluster stop: " + r.output());
        }
    }

    @Test
    void killedNodeRejoinsWithItsIdentityAndData() throws Exception {
        int[] ports = ClusterScript.freePortPair();
        clientPort = ports[0];
        started = true;
        ClusterScript.Result start = cluster("start", "--nodes", "3", "--rf", "3", "--keyspace", KEYSPACE,
                "--client-port", String.valueOf(ports[0]), "--internode-port", String.valueOf(ports[1]),
                "--timeout", "180");
        assertEquals(0, start.exit(), "strata-cluster start: " + start.output());
        assertTrue(start.output().contains("Contact points: " + address(1) + "," + address(2) + "," + address(3)),
                start.output());

        for (int node = 1; node <= 3; node++) {
            JsonNode status = admin(node, "status");
            assertEquals(address(node), info(node).get("address").asText(), "admin answered by the node asked");
            assertEquals(3, status.get("nodes").size());
            status.get("nodes").forEach(n -> assertEquals("UP", n.get("state").asText(), n.toString()));
        }
        StrataClient all = client(address(1), address(2), address(3));
        WriteOptions quorumWrite = WriteOptions.defaults().withConsistency(ConsistencyLevel.QUORUM);
        for (int i = 0; i < KEYS; i++) {
            all.put("before-" + i, "v" + i, quorumWrite);
        }
        String hostId = info(3).get("hostId").asText();
        TreeSet<Long> tokens = tokensOf(3, hostId);
        assertEquals(16, tokens.size());

        assertEquals(0, cluster("kill", "3").exit());
        StrataClient survivors = client(address(1), address(2));
        RequestOptions quorumRead = RequestOptions.defaults().withConsistency(ConsistencyLevel.QUORUM);
        for (int i = 0; i < KEYS; i++) {
            assertEquals("v" + i, readEventually(survivors, "before-" + i, quorumRead), "before-" + i);
        }
        for (int i = 0; i < KEYS; i++) {
            survivors.put("during-" + i, "d" + i, quorumWrite);
        }

        ClusterScript.Result restart = cluster("start-node", "3", "--timeout", "180");
        assertEquals(0, restart.exit(), "strata-cluster start-node: " + restart.output());
        assertEquals(hostId, info(3).get("hostId").asText(), "the restarted node keeps its host id");
        assertEquals(tokens, tokensOf(3, hostId), "the restarted node keeps its tokens");
        assertEquals(tokens, tokensOf(1, hostId), "the others see it with the same tokens");

        // Writes made while it was down reach it as hints; wait until none are left anywhere.
        waitFor(Duration.ofMinutes(3), "hints delivered",
                () -> pendingHints(1) == 0 && pendingHints(2) == 0);
        assertEquals(0, cluster("stop-node", "1").exit());
        assertEquals(0, cluster("stop-node", "2").exit());

        StrataClient alone = pinnedClient(address(3));
        RequestOptions one = RequestOptions.defaults().withConsistency(ConsistencyLevel.ONE);
        for (int i = 0; i < KEYS; i++) {
            assertEquals("v" + i, readEventually(alone, "before-" + i, one), "before-" + i + " survived SIGKILL");
            assertEquals("d" + i, readEventually(alone, "during-" + i, one), "during-" + i + " arrived by hint");
        }
    }

    private String address(int node) {
        return "127.0.0." + node + ":" + clientPort;
    }

    private StrataClient client(String... contactPoints) {
        StrataClient c = StrataClient.builder().contactPoints(contactPoints).defaultKeyspace(KEYSPACE)
                .requestTimeout(Duration.ofSeconds(10)).build();
        clients.add(c);
        return c;
    }

    /** A client that sends everything to this node, never to others it learns of (admin, reads "from node 3"). */
    private StrataClient pinnedClient(String address) {
        StrataClient c = StrataClient.builder().contactPoints(address).defaultKeyspace(KEYSPACE)
                .loadBalancingPolicy(new ContactPointsOnlyPolicy()).requestTimeout(Duration.ofSeconds(10)).build();
        clients.add(c);
        return c;
    }

    private JsonNode admin(int node, String command) throws IOException {
        StrataClient c = pinnedClient(address(node));
        try {
            return mapper.readTree(c.admin(command, Map.of()).json());
        } finally {
            c.close();
        }
    }

    private JsonNode info(int node) throws IOException {
        return admin(node, "info");
    }

    private TreeSet<Long> tokensOf(int askedNode, String hostId) throws IOException {
        TreeSet<Long> tokens = new TreeSet<>();
        for (JsonNode e : admin(askedNode, "ring").get("tokens")) {
            if (e.get("hostId").asText().equals(hostId)) {
                tokens.add(e.get("token").asLong());
            }
        }
        return tokens;
    }

    private long pendingHints(int node) {
        try {
            return admin(node, "hints").get("totalPending").asLong();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * Reads until an answer comes: right after a kill or stop the coordinator may still believe a peer up
     * and time out once; that is the failure detector's delay, not lost data, so only a wrong or missing
     * value fails the test.
     */
    private static String readEventually(StrataClient client, String key, RequestOptions options) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try {
                ReadResult r = client.get(key, options);
                return r.isPresent() ? r.valueAsString() : null;
            } catch (RuntimeException e) {
                last = e;
                pause();
            }
        }
        throw new AssertionError("no answer for " + key + " within 60 s", last);
    }

    private static void waitFor(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for: " + what);
            }
            pause();
        }
    }

    /** Between polls of remote processes, which offer no event to wait on. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private ClusterScript.Result cluster(String... args) throws IOException, InterruptedException {
        return new ClusterScript(dir).run(args);
    }
}
