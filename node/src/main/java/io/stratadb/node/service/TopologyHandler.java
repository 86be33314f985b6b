package io.stratadb.node.service;

import io.stratadb.client.protocol.message.schema.NodeDescription;
import io.stratadb.client.protocol.message.schema.TopologyRequest;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import io.stratadb.client.ring.Murmur3Partitioner;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.node.cluster.ClusterState;
import io.stratadb.node.cluster.ClusterView;
import io.stratadb.node.schema.SchemaStore;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * TOPOLOGY: the ring, each node's state and every keyspace, which is what a token-aware client needs to
 * compute replicas exactly as the coordinator does. Memory only.
 */
public final class TopologyHandler implements RequestHandler<TopologyRequest> {

    private final ClusterState cluster;
    private final SchemaStore schema;

    public TopologyHandler(ClusterState cluster, SchemaStore schema) {
        this.cluster = cluster;
        this.schema = schema;
    }

    @Override
    public Class<TopologyRequest> requestType() {
        return TopologyRequest.class;
    }

    @Override
    public CompletableFuture<TopologyResult> handle(TopologyRequest r) {
        ClusterView view = cluster.view();
        List<NodeDescription> nodes = new ArrayList<>();
        for (NodeInfo n : view.ring().nodes()) {
            nodes.add(new NodeDescription(n.id(), n.address(), n.datacenter(), n.rack(), view.state(n),
                    view.ring().tokensOf(n)));
        }
        return CompletableFuture.completedFuture(
                new TopologyResult(Murmur3Partitioner.NAME, nodes, schema.current().definitions()));
    }
}
