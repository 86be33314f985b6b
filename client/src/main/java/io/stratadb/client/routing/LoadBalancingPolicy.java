package io.stratadb.client.routing;

import java.util.Iterator;
import java.util.List;

/**
 * Chooses the nodes a request is sent to, best first: the client tries the first node that has a
 * connection able to take the request, moves on while the request has certainly not been sent (that node
 * is down or busy, or its connection failed before writing), and goes further along the same plan when
 * its {@link io.stratadb.client.retry.RetryPolicy} decides to retry. Implementations must be thread-safe:
 * every request asks for a plan.
 *
 * <p>{@link TokenAwarePolicy}, the default, puts a key's replicas first; {@link RoundRobinPolicy} ignores
 * keys.
 */
public interface LoadBalancingPolicy {
    /**
     * Called before any request with the nodes the client knows then (its contact points); and again with
     * each new node list by the default {@link #onClusterChange}, so it must replace what it knew.
     */
    void init(List<Node> nodes);

    /** The nodes to try for one request, best first. */
    Iterator<Node> queryPlan(RoutingInfo routing);

    /**
     * Called each time the client has fetched the topology: the nodes may have changed, and {@code view}
     * can say where a key's replicas are and which nodes are down. The default hands the new node list to
     * {@link #init}, so a policy written before topology tracking keeps seeing every node.
     */
    default void onClusterChange(ClusterView view) {
        init(view.nodes());
    }
}
