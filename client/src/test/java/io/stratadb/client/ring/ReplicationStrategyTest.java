package io.stratadb.client.ring;

import static io.stratadb.client.ring.RingFixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.TestSeeds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReplicationStrategyTest {

    /** Brute force: sort (token, node) pairs, start at the first token >= t, collect distinct nodes. */
    private static List<NodeInfo> bruteForceSimple(TokenRing ring, long t, int rf) {
        TreeMap<Long, NodeInfo> sorted = new TreeMap<>();
        for (int i = 0; i < ring.size(); i++) {
            sorted.put(ring.tokenAt(i), ring.ownerAt(i));
        }
        List<NodeInfo> walk = new ArrayList<>(sorted.tailMap(t, true).values());
        walk.addAll(sorted.headMap(t, false).values());
        Set<NodeInfo> out = new LinkedHashSet<>();
        for (NodeInfo n : walk) {
            if (out.size() < rf) {
                out.add(n);
            }
        }
        return new ArrayList<>(out);
    }

    @Test
    void simpleStrategyMatchesBruteForce() {
        long seed = TestSeeds.seed("simpleStrategyMatchesBruteForce");
        Random random = new Random(seed);
        for (int r = 0; r < 150; r++) {
            TokenRing ring = RingFixtures.randomRing(random, 1 + random.nextInt(8), 8, 1, 1);
            int rf = 1 + random.nextInt(5);
            SimpleStrategy strategy = new SimpleStrategy(rf);
            for (int i = 0; i < 100; i++) {
                long t = RingFixtures.probeToken(random, ring);
                List<NodeInfo> replicas = ring.replicasFor(new Token(t), strategy);
                assertEquals(bruteForceSimple(ring, t, rf), replicas, "seed " + seed + " token " + t);
                assertEquals(Math.min(rf, ring.nodes().size()), replicas.size());
                assertEquals(ring.primaryFor(new Token(t)), replicas.get(0));
            }
        }
    }

    @Test
    void networkTopologyPlacesRfDistinctNodesPerDatacenterOnAsManyRacksAsPossible() {
        long seed = TestSeeds.seed("networkTopologyPlacesRfDistinctNodesPerDatacenterOnAsManyRacksAsPossible");
        Random random = new Random(seed);
        for (int r = 0; r < 150; r++) {
            TokenRing ring = RingFixtures.randomRing(random, 1 + random.nextInt(12), 8, 3, 4);
            Map<String, Integer> rfs = new TreeMap<>();
            for (int dc = 0; dc < 4; dc++) { // dc3 never exists in the ring: it must simply be skipped
                rfs.put("dc" + dc, random.nextInt(5));
            }
            NetworkTopologyStrategy strategy = new NetworkTopologyStrategy(rfs);
            ReplicaMap map = ring.replicaMap(strategy);
            assertSame(map, ring.replicaMap(new NetworkTopologyStrategy(rfs)), "cached per snapshot");
            for (int i = 0; i < 60; i++) {
                long t = RingFixtures.probeToken(random, ring);
                List<NodeInfo> replicas = map.replicasFor(new Token(t));
                String msg = "seed " + seed + " token " + t + " rfs " + rfs + " replicas " + replicas;
                assertEquals(replicas.size(), new HashSet<>(replicas).size(), msg);
                assertEquals(strategy.naturalReplicas(ring, ring.rangeIndexOf(t)), replicas, msg);
                for (String dc : ring.datacenters()) {
                    List<NodeInfo> inDc = replicas.stream().filter(n -> n.datacenter().equals(dc)).toList();
                    int rf = rfs.getOrDefault(dc, 0);
                    assertEquals(Math.min(rf, ring.nodesIn(dc)), inDc.size(), msg);
                    Set<String> racks = inDc.stream().map(NodeInfo::rack).collect(Collectors.toSet());
                    assertEquals(Math.min(inDc.size(), ring.racksIn(dc).size()), racks.size(), "racks: " + msg);
                }
                NodeInfo primary = ring.primaryFor(new Token(t));
                if (rfs.getOrDefault(primary.datacenter(), 0) > 0) {
                    assertEquals(primary, replicas.get(0), msg);
                }
            }
        }
    }

    @Test
    void networkTopologyWithOneRackIsSimpleStrategyWithinTheDatacenter() {
        long seed = TestSeeds.seed("networkTopologyWithOneRackIsSimpleStrategyWithinTheDatacenter");
        Random random = new Random(seed);
        for (int r = 0; r < 100; r++) {
            TokenRing ring = RingFixtures.randomRing(random, 1 + random.nextInt(8), 8, 1, 1);
            int rf = 1 + random.nextInt(4);
            for (int i = 0; i < 50; i++) {
                Token t = new Token(RingFixtures.probeToken(random, ring));
                assertEquals(ring.replicasFor(t, new SimpleStrategy(rf)),
                        ring.replicasFor(t, new NetworkTopologyStrategy(Map.of("dc0", rf))), "seed " + seed);
            }
        }
    }

    @Test
    void racksAreUsedBeforeAnyRackRepeats() {
        // Clockwise from token 0: a1(rack1) a2(rack1) a3(rack1) b1(rack2) c1(rack3) b2(rack2)
        NodeInfo a1 = node("a1", "dc", "rack1");
        NodeInfo a2 = node("a2", "dc", "rack1");
        NodeInfo a3 = node("a3", "dc", "rack1");
        NodeInfo b1 = node("b1", "dc", "rack2");
        NodeInfo c1 = node("c1", "dc", "rack3");
        NodeInfo b2 = node("b2", "dc", "rack2");
        Map<NodeInfo, List<Long>> tokens = new HashMap<>();
        long t = 0;
        for (NodeInfo n : List.of(a1, a2, a3, b1, c1, b2)) {
            tokens.put(n, List.of(t += 100));
        }
        TokenRing ring = TokenRing.of(tokens);
        Token key = new Token(50);
        assertEquals(List.of(a1, b1, c1), ring.replicasFor(key, new NetworkTopologyStrategy(Map.of("dc", 3))));
        // Once every rack is used, set-aside nodes fill in walk order.
        assertEquals(List.of(a1, b1, c1, a2), ring.replicasFor(key, new NetworkTopologyStrategy(Map.of("dc", 4))));
        assertEquals(List.of(a1, b1, c1, a2, a3, b2),
                ring.replicasFor(key, new NetworkTopologyStrategy(Map.of("dc", 9))));
        assertEquals(List.of(a1, a2, a3), ring.replicasFor(key, new SimpleStrategy(3)));
    }

    @Test
    void replicasComeFromEveryDatacenterInWalkOrder() {
        NodeInfo e1 = node("e1", "east", "r1");
        NodeInfo e2 = node("e2", "east", "r2");
        NodeInfo w1 = node("w1", "west", "r1");
        NodeInfo w2 = node("w2", "west", "r1");
        TokenRing ring = TokenRing.of(Map.of(e1, List.of(10L), w1, List.of(20L), w2, List.of(30L), e2, List.of(40L)));
        assertEquals(List.of(e1, w1, w2, e2),
                ring.replicasFor(new Token(5), new NetworkTopologyStrategy(Map.of("east", 2, "west", 2))));
        assertEquals(List.of(w1),
                ring.replicasFor(new Token(5), new NetworkTopologyStrategy(Map.of("east", 0, "west", 1))));
        assertTrue(ring.replicasFor(new Token(5), new NetworkTopologyStrategy(Map.of("north", 3))).isEmpty());
    }
}
