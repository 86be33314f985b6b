package io.stratadb.client.routing;

import static io.stratadb.client.routing.Topologies.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.TestSeeds;
import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.message.schema.NodeDescription;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.ring.Murmur3Partitioner;
import io.stratadb.client.ring.NetworkTopologyStrategy;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.ReplicationStrategy;
import io.stratadb.client.ring.SimpleStrategy;
import io.stratadb.client.ring.TokenRing;
import io.stratadb.client.testing.ManualTicker;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The token-aware plan: a key's replicas first, exactly the ones the ring computes; then the other nodes;
 * down nodes last; the local datacenter before remote ones.
 */
class TokenAwarePolicyTest {
    private static final Murmur3Partitioner PARTITIONER = new Murmur3Partitioner();
    private static final long BACKOFF_MILLIS = 1000;

    private final ManualTicker ticker = new ManualTicker();
    private final NodeHealth health = new NodeHealth(ticker, failures -> BACKOFF_MILLIS * 1_000_000L << failures);

    private TokenAwarePolicy policy(List<NodeDescription> nodes, String localDc,
                                    io.stratadb.client.protocol.message.schema.KeyspaceDefinition... keyspaces) {
        TokenAwarePolicy policy = new TokenAwarePolicy(new RoundRobinPolicy(), localDc);
        TopologySnapshot snapshot = TopologySnapshot.of(Topologies.topology(nodes, keyspaces));
        policy.init(snapshot.nodes());
        policy.onClusterChange(new ClusterView(snapshot, health));
        return policy;
    }

    private static List<Node> plan(LoadBalancingPolicy policy, String keyspace, Bytes key) {
        List<Node> out = new ArrayList<>();
        policy.queryPlan(new RoutingInfo(keyspace, key)).forEachRemaining(out::add);
        return out;
    }

    private static Set<Node> expectedReplicas(TokenRing ring, Bytes key, ReplicationStrategy strategy) {
        Set<Node> out = new LinkedHashSet<>();
        for (NodeInfo info : ring.replicasFor(PARTITIONER.token(key), strategy)) {
            out.add(new Node(info.address()));
        }
        return out;
    }

    private static Bytes randomKey(Random random) {
        byte[] key = new byte[1 + random.nextInt(24)];
        random.nextBytes(key);
        return Bytes.wrap(key);
    }

    /** The first replicas-many nodes are exactly the ring's replicas; the whole plan is every node once. */
    private static void assertReplicasFirst(List<Node> plan, Set<Node> replicas, int nodeCount, String context) {
        assertEquals(nodeCount, plan.size(), context);
        assertEquals(nodeCount, new HashSet<>(plan).size(), "no node twice: " + context);
        assertEquals(replicas, new HashSet<>(plan.subList(0, replicas.size())), context);
    }

    @Test
    void replicasOfASimpleStrategyKeyspaceComeFirstAndMatchTheRing() {
        long seed = TestSeeds.seed("TokenAwarePolicyTest.simple");
        Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            int n = 1 + random.nextInt(8);
            int rf = 1 + random.nextInt(4);
            List<NodeDescription> nodes = Topologies.randomNodes(random, n, 8, new String[] {"dc1"}, 2);
            TokenAwarePolicy policy = policy(nodes, null, Topologies.simple("ks", rf));
            TokenRing ring = Topologies.ring(nodes);
            for (int k = 0; k < 50; k++) {
                Bytes key = randomKey(random);
                Set<Node> replicas = expectedReplicas(ring, key, new SimpleStrategy(rf));
                assertEquals(Math.min(n, rf), replicas.size());
                assertReplicasFirst(plan(policy, "ks", key), replicas, n,
                        "seed " + seed + ", round " + round + ", rf " + rf + ", key " + key);
            }
        }
    }

    @Test
    void replicasOfANetworkTopologyKeyspaceComeFirstAndMatchTheRing() {
        long seed = TestSeeds.seed("TokenAwarePolicyTest.networkTopology");
        Random random = new Random(seed);
        for (int round = 0; round < 20; round++) {
            int n = 2 + random.nextInt(10);
            List<NodeDescription> nodes = Topologies.randomNodes(random, n, 6, new String[] {"dc1", "dc2"}, 3);
            Map<String, Integer> rfs = Map.of("dc1", 1 + random.nextInt(3), "dc2", random.nextInt(3));
            TokenAwarePolicy policy = policy(nodes, null, Topologies.perDatacenter("ks", rfs));
            TokenRing ring = Topologies.ring(nodes);
            for (int k = 0; k < 50; k++) {
                Bytes key = randomKey(random);
                Set<Node> replicas = expectedReplicas(ring, key, new NetworkTopologyStrategy(rfs));
                assertReplicasFirst(plan(policy, "ks", key), replicas, n,
                        "seed " + seed + ", round " + round + ", rf " + rfs + ", key " + key);
            }
        }
    }

    @Test
    void successivePlansStartAtEachReplicaInTurn() {
        List<NodeDescription> nodes = Topologies.randomNodes(new Random(7), 5, 4, new String[] {"dc1"}, 1);
        TokenAwarePolicy policy = policy(nodes, null, Topologies.simple("ks", 3));
        Bytes key = Bytes.ofUtf8("hot");
        Set<Node> replicas = expectedReplicas(Topologies.ring(nodes), key, new SimpleStrategy(3));
        Set<Node> firsts = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            List<Node> plan = plan(policy, "ks", key);
            assertEquals(replicas, new HashSet<>(plan.subList(0, 3)));
            firsts.add(plan.get(0));
        }
        assertEquals(replicas, firsts, "each replica led one of three plans");
    }

    private static List<Node> serialPlan(LoadBalancingPolicy policy, String keyspace, Bytes key) {
        List<Node> out = new ArrayList<>();
        policy.queryPlan(RoutingInfo.serial(keyspace, key)).forEachRemaining(out::add);
        return out;
    }

    @Test
    void serialRequestsAlwaysStartAtTheFirstLiveReplicaInRingOrder() {
        List<NodeDescription> nodes = Topologies.randomNodes(new Random(23), 5, 4, new String[] {"dc1"}, 1);
        TokenAwarePolicy policy = policy(nodes, null, Topologies.simple("ks", 3));
        for (int k = 0; k < 20; k++) {
            Bytes key = Bytes.ofUtf8("cas" + k);
            List<Node> ringOrder = new ArrayList<>(expectedReplicas(Topologies.ring(nodes), key, new SimpleStrategy(3)));
            for (int i = 0; i < 4; i++) {
                plan(policy, "ks", key); // ordinary requests in between keep rotating; serial ones do not follow
                List<Node> plan = serialPlan(policy, "ks", key);
                assertEquals(ringOrder, plan.subList(0, 3), "cas" + k + ", plan " + i);
                assertEquals(5, new HashSet<>(plan).size(), "every node, once");
            }
            health.markFailed(ringOrder.get(0));
            List<Node> failedOver = serialPlan(policy, "ks", key);
            assertEquals(ringOrder.subList(1, 3), failedOver.subList(0, 2), "the next live replica, in ring order");
            assertEquals(ringOrder.get(0), failedOver.get(4), "the failed one last");
            health.markUp(ringOrder.get(0));
        }
    }

    @Test
    void serialRequestsPreferTheFirstLocalReplica() {
        List<NodeDescription> nodes = Topologies.randomNodes(new Random(29), 8, 4, new String[] {"dc1", "dc2"}, 2);
        Map<String, Integer> rfs = Map.of("dc1", 2, "dc2", 2);
        TokenAwarePolicy policy = policy(nodes, "dc2", Topologies.perDatacenter("ks", rfs));
        TopologySnapshot snapshot = TopologySnapshot.of(Topologies.topology(nodes, Topologies.perDatacenter("ks", rfs)));
        for (int i = 0; i < 20; i++) {
            Bytes key = Bytes.ofUtf8("key" + i);
            List<Node> localInRingOrder = snapshot.replicas("ks", key).stream()
                    .filter(n -> "dc2".equals(snapshot.datacenterOf(n))).toList();
            for (int j = 0; j < 3; j++) {
                assertEquals(localInRingOrder, serialPlan(policy, "ks", key).subList(0, 2), "key" + i);
            }
        }
    }

    @Test
    void aReplicaWhoseConnectionFailedGoesLastUntilItsBackoffHasPassed() {
        List<NodeDescription> nodes = Topologies.randomNodes(new Random(11), 4, 4, new String[] {"dc1"}, 1);
        TokenAwarePolicy policy = policy(nodes, null, Topologies.simple("ks", 2));
        Bytes key = Bytes.ofUtf8("k");
        List<Node> replicas = new ArrayList<>(expectedReplicas(Topologies.ring(nodes), key, new SimpleStrategy(2)));
        Node failed = replicas.get(0);
        health.markFailed(failed);
        for (int i = 0; i < 4; i++) {
            List<Node> plan = plan(policy, "ks", key);
            assertEquals(replicas.get(1), plan.get(0), "the live replica first");
            assertEquals(failed, plan.get(plan.size() - 1), "the failed one last, after the non-replicas");
        }
        ticker.advanceMillis(BACKOFF_MILLIS + 1);
        assertEquals(new HashSet<>(replicas), new HashSet<>(plan(policy, "ks", key).subList(0, 2)),
                "back among the replicas after its backoff");
        health.markFailed(failed);
        health.markFailed(failed);
        ticker.advanceMillis(BACKOFF_MILLIS + 1);
        List<Node> plan = plan(policy, "ks", key);
        assertEquals(failed, plan.get(plan.size() - 1), "a second failure in a row doubles the backoff");
        health.markUp(failed);
        assertEquals(new HashSet<>(replicas), new HashSet<>(plan(policy, "ks", key).subList(0, 2)),
                "back at once when it reconnects");
    }

    @Test
    void nodesTheTopologyReportsDownAreTriedLastReplicasFirst() {
        List<NodeDescription> nodes = new ArrayList<>(
                Topologies.randomNodes(new Random(13), 5, 4, new String[] {"dc1"}, 1));
        Bytes key = Bytes.ofUtf8("some key");
        List<Node> replicas = new ArrayList<>(expectedReplicas(Topologies.ring(nodes), key, new SimpleStrategy(2)));
        Node downReplica = replicas.get(1);
        Node downOther = nodes.stream().map(d -> new Node(d.clientAddress())).filter(n -> !replicas.contains(n))
                .findFirst().orElseThrow();
        nodes.replaceAll(d -> {
            Node n = new Node(d.clientAddress());
            return n.equals(downReplica) || n.equals(downOther) ? Topologies.withState(d, NodeState.DOWN) : d;
        });
        TokenAwarePolicy policy = policy(nodes, null, Topologies.simple("ks", 2));
        List<Node> plan = plan(policy, "ks", key);
        assertEquals(replicas.get(0), plan.get(0));
        assertEquals(List.of(downReplica, downOther), plan.subList(3, 5), "down replica, then down non-replica");
        List<Node> unkeyed = plan(policy, null, null);
        assertEquals(Set.of(downReplica, downOther), new HashSet<>(unkeyed.subList(3, 5)),
                "down nodes last for requests without a key too");
    }

    @Test
    void withALocalDatacenterItsReplicasComeFirstThenRemoteReplicasThenLocalOthers() {
        List<NodeDescription> nodes = Topologies.randomNodes(new Random(17), 8, 4, new String[] {"dc1", "dc2"}, 2);
        Map<String, Integer> rfs = Map.of("dc1", 2, "dc2", 2);
        TokenAwarePolicy policy = policy(nodes, "dc2", Topologies.perDatacenter("ks", rfs));
        TopologySnapshot snapshot = TopologySnapshot.of(Topologies.topology(nodes));
        for (int i = 0; i < 30; i++) {
            Bytes key = Bytes.ofUtf8("key" + i);
            Set<Node> replicas = expectedReplicas(Topologies.ring(nodes), key, new NetworkTopologyStrategy(rfs));
            List<Node> plan = plan(policy, "ks", key);
            List<String> expectedDcs = List.of("dc2", "dc2", "dc1", "dc1", "dc2", "dc2", "dc1", "dc1");
            assertEquals(expectedDcs, plan.stream().map(snapshot::datacenterOf).toList(), "key" + i);
            assertEquals(replicas, new HashSet<>(plan.subList(0, 4)), "key" + i);
            List<Node> next = plan(policy, "ks", key);
            assertEquals(List.of(plan.get(1), plan.get(0)), next.subList(0, 2), "local replicas rotate");
            assertEquals(List.of(plan.get(3), plan.get(2)), next.subList(2, 4), "remote replicas rotate");
        }
    }

    @Test
    void requestsWithoutAKeyOrToAnUnknownKeyspaceFollowTheChildsOrder() {
        List<NodeDescription> nodes = Topologies.randomNodes(new Random(19), 3, 4, new String[] {"dc1"}, 1);
        TokenAwarePolicy policy = policy(nodes, null, Topologies.simple("ks", 1));
        assertEquals(List.of(node(0), node(1), node(2)), plan(policy, null, null));
        assertEquals(List.of(node(1), node(2), node(0)), plan(policy, "ks", null), "MULTI_GET, SCAN: no key");
        assertEquals(List.of(node(2), node(0), node(1)), plan(policy, "unknown", Bytes.ofUtf8("k")));
    }

    @Test
    void beforeTheFirstTopologyThePlanIsTheChilds() {
        TokenAwarePolicy policy = new TokenAwarePolicy(new RoundRobinPolicy());
        policy.init(List.of(node(0), node(1)));
        assertEquals(List.of(node(0), node(1)), plan(policy, "ks", Bytes.ofUtf8("k")));
        assertEquals(List.of(node(1), node(0)), plan(policy, "ks", Bytes.ofUtf8("k")));
    }

    @Test
    void aTopologyChangeReachesTheChild() {
        List<NodeDescription> nodes = Topologies.randomNodes(new Random(23), 3, 2, new String[] {"dc1"}, 1);
        TokenAwarePolicy policy = new TokenAwarePolicy(new RoundRobinPolicy());
        policy.init(List.of(node(9)));
        policy.onClusterChange(new ClusterView(TopologySnapshot.of(Topologies.topology(nodes)), health));
        assertEquals(Set.of(node(0), node(1), node(2)), new HashSet<>(plan(policy, null, null)));
        assertTrue(plan(policy, null, null).stream().noneMatch(node(9)::equals), "the old contact point is gone");
    }
}
