package io.stratadb.client.routing;

import java.util.Iterator;
import java.util.List;

/**
 * Chooses the nodes a request is sent to, best first: the client tries the first node that has a
 * connection able to take the request, and moves on only while the request has certainly not been sent
 * (that node is down or busy, or its connection failed before writing). Implementations must be
 * thread-safe: every request asks for a plan.
 *
 * <p>This is the seam for token-aware routing: such a policy hashes {@link RoutingInfo#routingKey()} with
 * the Murmur3 partitioner and puts the key's replicas first (io.stratadb.client.ring has the ring math).
 */
public interface LoadBalancingPolicy {
    /** Called once, before any request, with the nodes the client knows (its contact points). */
    void init(List<Node> nodes);

    /** The nodes to try for one request, best first. */
    Iterator<Node> queryPlan(RoutingInfo routing);
}
