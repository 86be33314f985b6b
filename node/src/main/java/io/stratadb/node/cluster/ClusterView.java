package io.stratadb.node.cluster;

import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.TokenRing;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable picture of the cluster as this node sees it: the ring, which node is this one, and each
 * node's state. Requests read one snapshot for their whole life; gossip (later) publishes new ones.
 * For now the ring holds this node alone, always UP.
 */
public record ClusterView(NodeInfo localNode, TokenRing ring, Map<String, NodeState> statesById) {

    public ClusterView {
        Objects.requireNonNull(localNode, "localNode");
        Objects.requireNonNull(ring, "ring");
        statesById = Map.copyOf(statesById);
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
}
