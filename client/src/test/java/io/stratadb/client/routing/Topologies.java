package io.stratadb.client.routing;

import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.NodeDescription;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import io.stratadb.client.ring.Murmur3Partitioner;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.TokenRing;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Builders of TOPOLOGY answers for routing tests, and the ring they describe, built independently. */
final class Topologies {
    private Topologies() {
    }

    static InetSocketAddress address(int i) {
        return new InetSocketAddress("127.0.0.1", 20_000 + i);
    }

    static Node node(int i) {
        return new Node(address(i));
    }

    /**
     * {@code nodes} nodes, node {@code i} in {@code dcs[i % dcs.length]} on one of {@code racks} racks,
     * 1 to {@code maxTokens} random distinct tokens each, all UP.
     */
    static List<NodeDescription> randomNodes(Random random, int nodes, int maxTokens, String[] dcs, int racks) {
        Set<Long> used = new HashSet<>();
        List<NodeDescription> out = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            List<Long> tokens = new ArrayList<>();
            int count = 1 + random.nextInt(maxTokens);
            while (tokens.size() < count) {
                long t = random.nextLong();
                if (t != Long.MIN_VALUE && used.add(t)) {
                    tokens.add(t);
                }
            }
            out.add(new NodeDescription("n" + i, address(i), dcs[i % dcs.length], "r" + random.nextInt(racks),
                    NodeState.UP, tokens));
        }
        return out;
    }

    static TopologyResult topology(List<NodeDescription> nodes, KeyspaceDefinition... keyspaces) {
        return new TopologyResult(Murmur3Partitioner.NAME, nodes, List.of(keyspaces));
    }

    static KeyspaceDefinition simple(String name, int rf) {
        return new KeyspaceDefinition(name, new ReplicationSettings.Simple(rf));
    }

    static KeyspaceDefinition perDatacenter(String name, Map<String, Integer> rfs) {
        return new KeyspaceDefinition(name, new ReplicationSettings.NetworkTopology(rfs));
    }

    /** The ring as the coordinator builds it, straight from the descriptions. */
    static TokenRing ring(List<NodeDescription> nodes) {
        Map<NodeInfo, List<Long>> tokens = new LinkedHashMap<>();
        for (NodeDescription d : nodes) {
            tokens.put(new NodeInfo(d.hostId(), d.clientAddress(), d.datacenter(), d.rack()), d.tokens());
        }
        return TokenRing.of(tokens);
    }

    static NodeDescription withState(NodeDescription d, NodeState state) {
        return new NodeDescription(d.hostId(), d.clientAddress(), d.datacenter(), d.rack(), state, d.tokens());
    }
}
