package io.stratadb.node.cluster;

import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.TokenRing;
import io.stratadb.gossip.state.Endpoint;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable picture of the cluster as this node sees it: the ring, which node is this one, each
 * node's state, its internode endpoint and since when it has been down. Requests read one snapshot for
 * their whole life; {@link GossipMembership} publishes a new one on every membership change.
 *
 * @param internodeById where to send messages for each node (host id); absent for this node when alone
 * @param downSinceById wall-clock millis at which a node was last seen going down, for the hint window
 */
public record ClusterView(NodeInfo localNode, TokenRing ring, Map<String, NodeState> statesById,
                          Map<String, Endpoint> internodeById, Map<String, Long> downSinceById) {

    public ClusterView {
        Objects.requireNonNull(localNode, "localNode");
        Objects.requireNonNull(ring, "ring");
        statesById = Map.copyOf(statesById);
        internodeById = Map.copyOf(internodeById);
        downSinceById = Map.copyOf(downSinceById);
    }

    public ClusterView(NodeInfo localNode, TokenRing ring, Map<String, NodeState> statesById) {
        this(localNode, ring, statesById, Map.of(), Map.of());
    }

    /** A cluster of this node alone. */
    public static ClusterView alone(NodeInfo localNode, List<Long> tokens) {
        return new ClusterView(localNode, TokenRing.of(Map.of(localNode, tokens)), Map.of(localNode.id(), NodeState.UP));
    }

    public String localDatacenter() {
        return localNode.datacenter();
    }

    public NodeState state(NodeInfo node) {
        return statesById.getOrDefault(node.id(), NodeState.DOWN);
    }

    /** Whether requests may be sent to {@code node}: it is believed up (a LEAVING node still serves). */
    public boolean isAlive(NodeInfo node) {
        NodeState s = state(node);
        return s == NodeState.UP || s == NodeState.LEAVING;
    }

    public boolean isLocal(NodeInfo node) {
        return node.id().equals(localNode.id());
    }

    /** The internode endpoint of {@code node}, or null if unknown (this node, or a node gossip forgot). */
    public Endpoint internode(NodeInfo node) {
        return internodeById.get(node.id());
    }

    /** When {@code node} went down (epoch millis), or null if it is up or was never seen up. */
    public Long downSince(NodeInfo node) {
        return downSinceById.get(node.id());
    }
}
