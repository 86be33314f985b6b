package io.stratadb.node.coordinator;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.storage.Cell;

import java.util.Objects;

/**
 * Write one version of a key: a value, an expiring value or a tombstone, already timestamped (by the
 * client or the coordinator's {@link TimestampSource}).
 */
public record WriteCommand(String keyspace, byte[] key, Cell cell, ConsistencyLevel consistency) {
    public WriteCommand {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(consistency, "consistency");
    }
}
