package io.stratadb.client.routing;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.NodeDescription;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import io.stratadb.client.ring.Murmur3Partitioner;
import io.stratadb.client.ring.NetworkTopologyStrategy;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.ReplicationStrategy;
import io.stratadb.client.ring.SimpleStrategy;
import io.stratadb.client.ring.TokenRing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the client knows of the cluster at one moment, built from a TOPOLOGY answer: the nodes with their
 * datacenter and state, the token ring, and each keyspace's replication strategy. Immutable; a refresh
 * builds a new one. Replicas are computed with the same ring classes the coordinator uses, so a key's
 * replicas here are the coordinator's.
 *
 * <p>Before the first TOPOLOGY answer (or when a server reports a partitioner this client cannot compute)
 * it holds only the contact points, without a ring: every keyed request then falls back to the child
 * policy's order.
 */
public final class TopologySnapshot {
    private static final Murmur3Partitioner PARTITIONER = new Murmur3Partitioner(); // stateless

    private final List<Node> nodes;
    private final Map<Node, NodeDescription> descriptions;
    private final Map<String, ReplicationStrategy> strategies;
    private final TokenRing ring;
    private final Map<NodeInfo, Node> nodeOfInfo;

    private TopologySnapshot(List<Node> nodes, Map<Node, NodeDescription> descriptions,
                             Map<String, ReplicationStrategy> strategies, TokenRing ring, Map<NodeInfo, Node> nodeOfInfo) {
        this.nodes = List.copyOf(nodes);
        this.descriptions = Map.copyOf(descriptions);
        this.strategies = Map.copyOf(strategies);
        this.ring = ring;
        this.nodeOfInfo = Map.copyOf(nodeOfInfo);
    }

    /** Only the contact points: no placement, no ring, no keyspaces. */
    public static TopologySnapshot ofContactPoints(List<Node> contactPoints) {
        return new TopologySnapshot(contactPoints, Map.of(), Map.of(), TokenRing.empty(), Map.of());
    }

    /**
     * The snapshot a TOPOLOGY answer describes.
     *
     * @throws IllegalArgumentException if the answer is inconsistent (two nodes claiming a token, two
     *                                  nodes at one address)
     */
    public static TopologySnapshot of(TopologyResult result) {
        Map<Node, NodeDescription> descriptions = new LinkedHashMap<>();
        Map<NodeInfo, List<Long>> tokens = new LinkedHashMap<>();
        Map<NodeInfo, Node> nodeOfInfo = new HashMap<>();
        for (NodeDescription d : result.nodes()) {
            Node node = new Node(d.clientAddress());
            if (descriptions.put(node, d) != null) {
                throw new IllegalArgumentException("two nodes at " + d.clientAddress());
            }
            NodeInfo info = new NodeInfo(d.hostId(), d.clientAddress(), d.datacenter(), d.rack());
            nodeOfInfo.put(info, node);
            if (!d.tokens().isEmpty()) {
                tokens.put(info, d.tokens());
            }
        }
        boolean computable = Murmur3Partitioner.NAME.equals(result.partitioner());
        Map<String, ReplicationStrategy> strategies = new HashMap<>();
        for (KeyspaceDefinition k : result.keyspaces()) {
            strategies.put(k.name(), strategy(k.replication()));
        }
        return new TopologySnapshot(new ArrayList<>(descriptions.keySet()), descriptions, strategies,
                computable ? TokenRing.of(tokens) : TokenRing.empty(), nodeOfInfo);
    }

    static ReplicationStrategy strategy(ReplicationSettings settings) {
        if (settings instanceof ReplicationSettings.Simple s) {
            return new SimpleStrategy(s.replicationFactor());
        }
        return new NetworkTopologyStrategy(((ReplicationSettings.NetworkTopology) settings).replicationByDatacenter());
    }

    /** Every node, in the order the topology listed them. */
    public List<Node> nodes() {
        return nodes;
    }

    /** True if this snapshot came from a TOPOLOGY answer that listed the keyspace. */
    public boolean hasKeyspace(String keyspace) {
        return strategies.containsKey(keyspace);
    }

    /**
     * The natural replicas of {@code key} in {@code keyspace}, primary first; empty when the keyspace is
     * unknown here or there is no ring to compute them on.
     */
    public List<Node> replicas(String keyspace, Bytes key) {
        ReplicationStrategy strategy = strategies.get(keyspace);
        if (strategy == null || ring.isEmpty()) {
            return List.of();
        }
        List<NodeInfo> infos = ring.replicasFor(PARTITIONER.token(key), strategy);
        List<Node> out = new ArrayList<>(infos.size());
        for (NodeInfo info : infos) {
            out.add(nodeOfInfo.get(info));
        }
        return out;
    }

    /** The node's datacenter, or {@code null} when the topology did not describe it. */
    public String datacenterOf(Node node) {
        NodeDescription d = descriptions.get(node);
        return d == null ? null : d.datacenter();
    }

    /** True if the answering node reported this node DOWN. */
    public boolean reportedDown(Node node) {
        NodeDescription d = descriptions.get(node);
        return d != null && d.state() == NodeState.DOWN;
    }

    /** The ring; empty before the first TOPOLOGY answer. */
    public TokenRing ring() {
        return ring;
    }

    @Override
    public String toString() {
        return "TopologySnapshot[" + nodes.size() + " nodes, " + ring + ", keyspaces " + strategies.keySet() + "]";
    }
}
