package io.stratadb.client.routing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a keyed request (a keyspace and a routing key) to a replica of its key, so the coordinator is one
 * of the nodes that store it and saves a network hop. The replicas are the ones the coordinator computes:
 * the key's Murmur3 token placed on the ring under the keyspace's replication strategy.
 *
 * <p>A plan lists, in this order:
 * <ol>
 *   <li>the replicas that are up, rotated by one per request so that reads of a hot key spread over them;
 *       with a local datacenter, those in it come first (each group rotated on its own);</li>
 *   <li>the other nodes that are up, in the child policy's order (local datacenter first if set): any node
 *       can coordinate, so they are fallbacks when every replica is unreachable;</li>
 *   <li>the down nodes (reported DOWN by the topology, or whose connection failed lately), replicas first:
 *       last rather than left out, because that view may be stale.</li>
 * </ol>
 *
 * <p>Serial requests ({@link RoutingInfo#serial()}: compare-and-set and the other Paxos writes, reads at
 * SERIAL / LOCAL_SERIAL) are not rotated: their plan starts with the key's first live replica in ring
 * order (in the local datacenter, if one is set), so every client sends a key's Paxos rounds to the same
 * coordinator. Rounds from different coordinators compete for ballots and make each other retry; from one
 * coordinator they mostly run one after another. The other replicas follow, in ring order, for failover.
 *
 * <p>Requests without a routing key (MULTI_GET, SCAN, schema, topology), requests to a keyspace the client
 * has not seen in the topology yet, and every request before the first topology, follow the child
 * policy's order, with down nodes moved last.
 */
public final class TokenAwarePolicy implements LoadBalancingPolicy {
    private final LoadBalancingPolicy child;
    private final String localDatacenter;
    private final AtomicInteger rotation = new AtomicInteger();
    private volatile ClusterView view;

    /** Token-aware over {@code child}, without datacenter preference. */
    public TokenAwarePolicy(LoadBalancingPolicy child) {
        this(child, null);
    }

    /**
     * @param localDatacenter nodes of this datacenter are preferred among replicas and among fallbacks;
     *                        {@code null} for no preference
     */
    public TokenAwarePolicy(LoadBalancingPolicy child, String localDatacenter) {
        this.child = Objects.requireNonNull(child, "child");
        this.localDatacenter = localDatacenter;
    }

    @Override
    public void init(List<Node> nodes) {
        child.init(nodes);
    }

    @Override
    public void onClusterChange(ClusterView view) {
        this.view = view;
        child.onClusterChange(view);
    }

    @Override
    public Iterator<Node> queryPlan(RoutingInfo routing) {
        Iterator<Node> childPlan = child.queryPlan(routing);
        ClusterView current = view;
        if (current == null) {
            return childPlan;
        }
        List<Node> replicas = routing.keyspace() != null && routing.routingKey() != null
                ? current.replicas(routing.keyspace(), routing.routingKey()) : List.of();
        // Serial requests always start at the first live replica: same coordinator, less Paxos contention.
        int turn = routing.serial() ? 0 : rotation.getAndIncrement();
        return plan(current, replicas, childPlan, turn).iterator();
    }

    /** The ordering rules above, apart from where the inputs come from. */
    List<Node> plan(ClusterView current, List<Node> replicas, Iterator<Node> childPlan, int turn) {
        List<Node> localReplicas = new ArrayList<>();
        List<Node> remoteReplicas = new ArrayList<>();
        List<Node> downReplicas = new ArrayList<>();
        for (Node replica : replicas) {
            if (current.isDown(replica)) {
                downReplicas.add(replica);
            } else if (isLocal(current, replica)) {
                localReplicas.add(replica);
            } else {
                remoteReplicas.add(replica);
            }
        }
        Set<Node> plan = new LinkedHashSet<>();
        addRotated(plan, localReplicas, turn);
        addRotated(plan, remoteReplicas, turn);
        List<Node> remoteOthers = new ArrayList<>();
        List<Node> downOthers = new ArrayList<>();
        while (childPlan.hasNext()) {
            Node node = childPlan.next();
            if (replicas.contains(node)) {
                continue;
            }
            if (current.isDown(node)) {
                downOthers.add(node);
            } else if (isLocal(current, node)) {
                plan.add(node);
            } else {
                remoteOthers.add(node);
            }
        }
        plan.addAll(remoteOthers);
        plan.addAll(downReplicas);
        plan.addAll(downOthers);
        return new ArrayList<>(plan);
    }

    /** Without a local datacenter every node counts as local, which keeps the child's order. */
    private boolean isLocal(ClusterView current, Node node) {
        return localDatacenter == null || localDatacenter.equals(current.datacenterOf(node));
    }

    private static void addRotated(Set<Node> plan, List<Node> nodes, int turn) {
        int n = nodes.size();
        int start = n == 0 ? 0 : Math.floorMod(turn, n);
        for (int i = 0; i < n; i++) {
            plan.add(nodes.get((start + i) % n));
        }
    }

    @Override
    public String toString() {
        return "TokenAwarePolicy[" + child + (localDatacenter == null ? "" : ", local " + localDatacenter) + "]";
    }
}
