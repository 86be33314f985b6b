package io.stratadb.node.coordinator;

import io.stratadb.client.protocol.ConsistencyLevel;

import java.util.Objects;

/**
 * One page of a keyspace in ring order: at most {@code limit} live rows strictly after the user key
 * {@code startAfter} (null: from the start of the ring).
 */
public record ScanCommand(String keyspace, byte[] startAfter, int limit, ConsistencyLevel consistency) {
    public ScanCommand {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(consistency, "consistency");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
    }
}
