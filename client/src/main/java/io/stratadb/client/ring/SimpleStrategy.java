package io.stratadb.client.ring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks clockwise from the key's range and takes the first {@code replicationFactor} distinct nodes,
 * ignoring datacenters and racks. With fewer nodes than the factor, every node is a replica.
 */
public record SimpleStrategy(int replicationFactor) implements ReplicationStrategy {
    public SimpleStrategy {
        if (replicationFactor < 0) {
            throw new IllegalArgumentException("negative replication factor " + replicationFactor);
        }
    }

    @Override
    public List<NodeInfo> naturalReplicas(TokenRing ring, int rangeIndex) {
        Set<NodeInfo> replicas = new LinkedHashSet<>();
        int n = ring.size();
        for (int step = 0; step < n && replicas.size() < replicationFactor; step++) {
            replicas.add(ring.ownerAt((rangeIndex + step) % n));
        }
        return List.copyOf(new ArrayList<>(replicas));
    }
}
