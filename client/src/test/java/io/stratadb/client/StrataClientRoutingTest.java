package io.stratadb.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.NodeDescription;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import io.stratadb.client.ring.Murmur3Partitioner;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.SimpleStrategy;
import io.stratadb.client.ring.TokenRing;
import io.stratadb.client.routing.Node;
import io.stratadb.client.testing.FakeCluster;
import io.stratadb.client.testing.FakeStrataServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Token-aware routing end to end, against fake servers that answer TOPOLOGY as one cluster: which server
 * each keyed request lands on, and what the client does when the topology changes or a node fails.
 */
class StrataClientRoutingTest {
    private static final Murmur3Partitioner PARTITIONER = new Murmur3Partitioner();

    private final FakeCluster cluster = FakeCluster.start("dc1", "dc1", "dc1");
    private StrataClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        cluster.close();
    }

    /** A client that knows only the first server, and keyspace ks (RF 1) on every server. */
    private StrataClient connect(Duration refreshInterval) {
        cluster.createKeyspace(new KeyspaceDefinition("ks", new ReplicationSettings.Simple(1)));
        client = StrataClient.builder().contactPoints(cluster.server(0).contactPoint()).defaultKeyspace("ks")
                .ioThreads(1).reconnectionDelay(Duration.ofMillis(20), Duration.ofMillis(100))
                .topologyRefreshInterval(refreshInterval).build();
        return client;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    /** The index of the key's one replica, computed from the fake ring with the ring classes directly. */
    private int replicaOf(String key) {
        TopologyResult topology = cluster.topology();
        Map<NodeInfo, List<Long>> tokens = new LinkedHashMap<>();
        for (NodeDescription d : topology.nodes()) {
            tokens.put(new NodeInfo(d.hostId(), d.clientAddress(), d.datacenter(), d.rack()), d.tokens());
        }
        List<NodeInfo> replicas = TokenRing.of(tokens).replicasFor(PARTITIONER.token(key.getBytes()),
                new SimpleStrategy(1));
        return cluster.indexOf(replicas.get(0).address());
    }

    private int[] requestCounts() {
        return cluster.servers().stream().mapToInt(FakeStrataServer::requestsReceived).toArray();
    }

    private String keyOwnedBy(int server) {
        for (int i = 0; ; i++) {
            if (replicaOf("key" + i) == server) {
                return "key" + i;
            }
        }
    }

    @Test
    void theClientLearnsEveryNodeFromTheTopologyOfOneContactPoint() throws Exception {
        connect(Duration.ofSeconds(10));
        await(() -> client.connectedNodes().size() == 3, "the client connected to all three nodes");
        assertEquals(3, client.clusterView().nodes().size());
        assertTrue(client.clusterView().topology().hasKeyspace("ks"));
    }

    @Test
    void eachKeyedRequestLandsOnTheReplicaOfItsKey() throws Exception {
        connect(Duration.ofSeconds(10));
        await(() -> client.connectedNodes().size() == 3, "the client connected to all three nodes");
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            String key = "user:" + i;
            int replica = replicaOf(key);
            used.add(replica);
            int[] before = requestCounts();
            client.put(key, "v" + i);
            assertEquals("v" + i, client.get(key).valueAsString());
            client.delete(key);
            int[] after = requestCounts();
            for (int s = 0; s < cluster.size(); s++) {
                assertEquals(before[s] + (s == replica ? 3 : 0), after[s], key + " on server " + s);
            }
        }
        assertEquals(Set.of(0, 1, 2), used, "the keys spread over every node");
    }

    @Test
    void whenTheReplicaIsDownTheRequestGoesToAnotherNode() throws Exception {
        connect(Duration.ofSeconds(10));
        await(() -> client.connectedNodes().size() == 3, "the client connected to all three nodes");
        String key = keyOwnedBy(1);
        cluster.server(1).stop();
        await(() -> client.connectedNodes().size() == 2, "the client saw node 1 go");
        int[] before = requestCounts();
        client.put(key, "v");
        int[] after = requestCounts();
        assertEquals(1, after[0] - before[0] + after[2] - before[2], "one of the other nodes coordinated");
    }

    @Test
    void aNodeTheTopologyReportsDownIsTriedOnlyAfterTheOthers() throws Exception {
        connect(Duration.ofMillis(50));
        await(() -> client.connectedNodes().size() == 3, "the client connected to all three nodes");
        String key = keyOwnedBy(2);
        cluster.setState(2, NodeState.DOWN);
        Node two = new Node(new InetSocketAddress("127.0.0.1", cluster.server(2).port()));
        await(() -> client.clusterView().topology().reportedDown(two), "a refresh saw node 2 down");
        int before = cluster.server(2).requestsReceived();
        for (int i = 0; i < 5; i++) {
            client.get(key);
        }
        assertEquals(before, cluster.server(2).requestsReceived(), "still connected, but not used");
        cluster.setState(2, NodeState.UP);
        await(() -> !client.clusterView().topology().reportedDown(two), "a refresh saw node 2 up");
        client.get(key);
        assertEquals(before + 1, cluster.server(2).requestsReceived());
    }

    @Test
    void nodesThatLeaveTheTopologyAreDroppedAndNodesThatJoinAreConnected() throws Exception {
        connect(Duration.ofMillis(50));
        await(() -> client.connectedNodes().size() == 3, "the client connected to all three nodes");
        cluster.setListed(2, false);
        await(() -> client.connectedNodes().size() == 2, "the client closed its connections to node 2");
        assertFalse(client.connectedNodes().contains(new InetSocketAddress("127.0.0.1", cluster.server(2).port())));
        for (int i = 0; i < 20; i++) {
            client.put("after-leave-" + i, "v");
        }
        cluster.setListed(2, true);
        await(() -> client.connectedNodes().size() == 3, "the client connected to node 2 again");
    }

    @Test
    void aKeyspaceNewToTheClientIsLearnedPromptly() throws Exception {
        connect(Duration.ofSeconds(60)); // no periodic refresh during the test
        cluster.createKeyspace(new KeyspaceDefinition("fresh", new ReplicationSettings.Simple(1)));
        assertFalse(client.clusterView().topology().hasKeyspace("fresh"));
        client.put("k", "v", WriteOptions.defaults().withKeyspace("fresh")); // goes anywhere, and prompts a fetch
        await(() -> client.clusterView().topology().hasKeyspace("fresh"), "the client learned keyspace fresh");
        String key = keyOwnedBy(1);
        int before = cluster.server(1).requestsReceived();
        client.put(key, "v", WriteOptions.defaults().withKeyspace("fresh"));
        assertEquals(before + 1, cluster.server(1).requestsReceived(), "now routed to the replica");
    }

    @Test
    void aKeyspaceThisClientCreatesIsLearnedPromptly() throws Exception {
        try (FakeStrataServer single = FakeStrataServer.start();
             StrataClient own = StrataClient.builder().contactPoints(single.contactPoint()).ioThreads(1)
                     .topologyRefreshInterval(Duration.ofSeconds(60)).build()) {
            own.createKeyspace("made", 1);
            await(() -> own.clusterView().topology().hasKeyspace("made"), "the client learned keyspace made");
        }
    }
}
