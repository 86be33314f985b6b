package io.stratadb.node.cluster;

import java.util.List;
import java.util.Objects;

/**
 * What makes this node the same node across restarts: its host id and its tokens. Both are chosen once,
 * when the data directory is new, and kept in {@code system_local}; an address change does not change
 * them.
 */
public record LocalIdentity(String hostId, String clusterName, List<Long> tokens) {
    public LocalIdentity {
        Objects.requireNonNull(hostId, "hostId");
        Objects.requireNonNull(clusterName, "clusterName");
        tokens = tokens.stream().sorted().toList();
    }
}
