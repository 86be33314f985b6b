package io.stratadb.client.ring;

import java.util.List;

/**
 * Chooses the natural replicas of a token range. Implementations are values (records) so a ring snapshot
 * can cache one {@link ReplicaMap} per strategy.
 */
public interface ReplicationStrategy {
    /**
     * The replicas of the range ending at ring position {@code rangeIndex}, primary first, found by walking
     * the ring clockwise from that position. This is the slow path; lookups go through
     * {@link TokenRing#replicaMap(ReplicationStrategy)}.
     */
    List<NodeInfo> naturalReplicas(TokenRing ring, int rangeIndex);

    /** Total replicas this strategy asks for (may exceed the nodes available). */
    int replicationFactor();
}
