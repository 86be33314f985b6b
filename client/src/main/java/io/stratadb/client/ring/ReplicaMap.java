package io.stratadb.client.ring;

import java.util.List;

/**
 * The replica list of every range of one ring snapshot under one strategy, computed once so that finding
 * a key's replicas is a binary search plus an array read. Lists are immutable and shared.
 */
public final class ReplicaMap {
    private final TokenRing ring;
    private final List<List<NodeInfo>> byRange;

    ReplicaMap(TokenRing ring, ReplicationStrategy strategy) {
        this.ring = ring;
        List<NodeInfo>[] lists = newArray(ring.size());
        for (int i = 0; i < lists.length; i++) {
            lists[i] = strategy.naturalReplicas(ring, i);
        }
        this.byRange = List.of(lists);
    }

    @SuppressWarnings("unchecked")
    private static List<NodeInfo>[] newArray(int n) {
        return (List<NodeInfo>[]) new List<?>[n];
    }

    /** Natural replicas of the key with this token, primary first; empty for an empty ring. */
    public List<NodeInfo> replicasFor(Token token) {
        return ring.isEmpty() ? List.of() : byRange.get(ring.rangeIndexOf(token.value()));
    }

    /** Replicas of the range ending at ring position {@code index}. */
    public List<NodeInfo> replicasOfRange(int index) {
        return byRange.get(index);
    }
}
