package io.stratadb.node.messaging.payload;

import io.stratadb.storage.Cell;

import java.util.Arrays;
import java.util.Objects;

/**
 * One cell to apply at a replica (MUTATION, and inside HINT): exactly the storage engine's
 * {@code Mutation}. {@code table} is the keyspace's storage table and {@code key} the storage key
 * (token prefix + user key, see the coordinator's {@code StorageKeys}), as the coordinator's
 * {@code ReplicaAccess} seam already speaks them: the coordinator computes them once and no replica
 * re-hashes.
 */
public record MutationPayload(String table, byte[] key, Cell cell) {

    public MutationPayload {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(cell, "cell");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MutationPayload other && table.equals(other.table)
                && Arrays.equals(key, other.key) && cell.equals(other.cell);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, Arrays.hashCode(key), cell);
    }

    @Override
    public String toString() {
        return "Mutation[" + table + ", " + key.length + "B key, " + cell + "]";
    }
}
