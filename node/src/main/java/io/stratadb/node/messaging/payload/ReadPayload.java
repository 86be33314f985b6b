package io.stratadb.node.messaging.payload;

import java.util.Arrays;
import java.util.Objects;

/**
 * A single-key read at a replica, by storage table and storage key (as {@link MutationPayload});
 * {@code digestOnly} asks for a digest of the cell instead of the cell.
 */
public record ReadPayload(String table, byte[] key, boolean digestOnly) {

    public ReadPayload {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadPayload other && table.equals(other.table)
                && Arrays.equals(key, other.key) && digestOnly == other.digestOnly;
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, Arrays.hashCode(key), digestOnly);
    }

    @Override
    public String toString() {
        return "Read[" + table + ", " + key.length + "B key" + (digestOnly ? ", digest" : "") + "]";
    }
}
