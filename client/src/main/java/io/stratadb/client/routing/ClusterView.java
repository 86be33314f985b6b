package io.stratadb.client.routing;

import io.stratadb.client.protocol.Bytes;
import java.util.List;

/**
 * What a {@link LoadBalancingPolicy} sees of the cluster: the latest {@link TopologySnapshot} and the
 * client's own, live, record of nodes whose connections failed. A node is down for routing if the
 * topology reported it DOWN or its connection failed recently; down nodes go to the back of plans rather
 * than out of them, since the topology or the failure may be stale.
 */
public final class ClusterView {
    private final TopologySnapshot topology;
    private final NodeHealth health;

    public ClusterView(TopologySnapshot topology, NodeHealth health) {
        this.topology = topology;
        this.health = health;
    }

    public TopologySnapshot topology() {
        return topology;
    }

    /** Every node the client knows. */
    public List<Node> nodes() {
        return topology.nodes();
    }

    /** See {@link TopologySnapshot#replicas}. */
    public List<Node> replicas(String keyspace, Bytes key) {
        return topology.replicas(keyspace, key);
    }

    /** See {@link TopologySnapshot#datacenterOf}. */
    public String datacenterOf(Node node) {
        return topology.datacenterOf(node);
    }

    /** Reported DOWN by the topology, or its connection failed within its backoff delay. */
    public boolean isDown(Node node) {
        return topology.reportedDown(node) || health.isSuspect(node);
    }
}
