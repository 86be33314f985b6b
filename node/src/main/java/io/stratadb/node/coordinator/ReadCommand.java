package io.stratadb.node.coordinator;

import io.stratadb.client.protocol.ConsistencyLevel;

import java.util.Objects;

/** Read one key of a keyspace at a consistency level. {@code key} is the user's key; not modified. */
public record ReadCommand(String keyspace, byte[] key, ConsistencyLevel consistency) {
    public ReadCommand {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(consistency, "consistency");
    }
}
