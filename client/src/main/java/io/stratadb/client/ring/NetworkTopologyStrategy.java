package io.stratadb.client.ring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * A replication factor per datacenter. Within each datacenter it walks the ring clockwise from the key's
 * range and prefers nodes on racks it has not used yet, so losing a rack loses as few replicas as
 * possible; a node on an already-used rack is set aside, and those set-aside nodes fill the remaining
 * slots (in walk order) once every rack of the datacenter has been used.
 *
 * <p>The result lists replicas in the order they were chosen, so the range's owner comes first when its
 * datacenter has replicas.
 */
public record NetworkTopologyStrategy(Map<String, Integer> replicationByDatacenter) implements ReplicationStrategy {
    public NetworkTopologyStrategy {
        TreeMap<String, Integer> copy = new TreeMap<>(replicationByDatacenter);
        copy.forEach((dc, rf) -> {
            if (Objects.requireNonNull(rf, "rf") < 0) {
                throw new IllegalArgumentException("negative replication factor for " + dc);
            }
        });
        replicationByDatacenter = Collections.unmodifiableMap(copy);
    }

    @Override
    public int replicationFactor() {
        return replicationByDatacenter.values().stream().mapToInt(Integer::intValue).sum();
    }

    @Override
    public List<NodeInfo> naturalReplicas(TokenRing ring, int rangeIndex) {
        Map<String, Datacenter> wanted = new HashMap<>();
        replicationByDatacenter.forEach((dc, rf) -> {
            int nodes = ring.nodesIn(dc);
            if (rf > 0 && nodes > 0) {
                wanted.put(dc, new Datacenter(Math.min(rf, nodes), ring.racksIn(dc).size()));
            }
        });
        List<NodeInfo> replicas = new ArrayList<>();
        Set<NodeInfo> visited = new HashSet<>();
        int pending = wanted.size();
        int n = ring.size();
        for (int step = 0; step < n && pending > 0; step++) {
            NodeInfo node = ring.ownerAt((rangeIndex + step) % n);
            Datacenter dc = wanted.get(node.datacenter());
            if (dc == null || dc.done() || !visited.add(node)) {
                continue;
            }
            dc.offer(node, replicas);
            if (dc.done()) {
                pending--;
            }
        }
        return List.copyOf(replicas);
    }

    /** Per-datacenter progress of one walk. */
    private static final class Datacenter {
        private final int needed;
        private final int totalRacks;
        private final Set<String> usedRacks = new HashSet<>();
        private final Deque<NodeInfo> setAside = new ArrayDeque<>();
        private int chosen;

        Datacenter(int needed, int totalRacks) {
            this.needed = needed;
            this.totalRacks = totalRacks;
        }

        boolean done() {
            return chosen == needed;
        }

        void offer(NodeInfo node, List<NodeInfo> replicas) {
            boolean allRacksUsed = usedRacks.size() == totalRacks;
            if (usedRacks.add(node.rack()) || allRacksUsed) {
                choose(node, replicas);
            } else {
                setAside.add(node);
            }
            if (usedRacks.size() == totalRacks) {
                while (!done() && !setAside.isEmpty()) {
                    choose(setAside.poll(), replicas);
                }
            }
        }

        private void choose(NodeInfo node, List<NodeInfo> replicas) {
            replicas.add(node);
            chosen++;
        }
    }
}
