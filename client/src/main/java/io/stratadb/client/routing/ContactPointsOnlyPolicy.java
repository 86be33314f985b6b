package io.stratadb.client.routing;

import java.util.Iterator;
import java.util.List;

/**
 * Sends every request to the contact points only, in the order given, and never to nodes learnt from the
 * topology. For tools whose question is about one particular node: {@code bin/strata-admin} asks the node
 * named by {@code --host} about itself, and a test reads "from that node alone"; with the default policy
 * the answer could come from any node of the cluster.
 */
public final class ContactPointsOnlyPolicy implements LoadBalancingPolicy {
    private volatile List<Node> contactPoints;

    @Override
    public void init(List<Node> nodes) {
        // The first call carries the contact points; later ones (from the default onClusterChange) are ignored.
        if (contactPoints == null) {
            contactPoints = List.copyOf(nodes);
        }
    }

    @Override
    public void onClusterChange(ClusterView view) {
        // Deliberately nothing: discovered nodes are not to be used.
    }

    @Override
    public Iterator<Node> queryPlan(RoutingInfo routing) {
        List<Node> nodes = contactPoints;
        return (nodes == null ? List.<Node>of() : nodes).iterator();
    }
}
