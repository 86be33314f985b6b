package io.stratadb.node.messaging.payload;

import io.stratadb.storage.Cell;

import java.util.Arrays;
import java.util.Objects;

/**
 * One cell to apply at a replica (MUTATION, and inside HINT). The key is the client's key; the replica
 * maps (keyspace, key) to its storage table and key itself, so the wire does not depend on that mapping.
 */
public record MutationPayload(String keyspace, byte[] key, Cell cell) {

    public MutationPayload {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(cell, "cell");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MutationPayload other && keyspace.equals(other.keyspace)
                && Arrays.equals(key, other.key) && cell.equals(other.cell);
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyspace, Arrays.hashCode(key), cell);
    }

    @Override
    public String toString() {
        return "Mutation[" + keyspace + ", " + key.length + "B key, " + cell + "]";
    }
}
