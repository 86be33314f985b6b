package io.stratadb.node.messaging.payload;

import java.util.Arrays;
import java.util.Objects;

/** A single-key read at a replica; {@code digestOnly} asks for a digest of the cell instead of the cell. */
public record ReadPayload(String keyspace, byte[] key, boolean digestOnly) {

    public ReadPayload {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadPayload other && keyspace.equals(other.keyspace)
                && Arrays.equals(key, other.key) && digestOnly == other.digestOnly;
    }

    @Override
    public int hashCode() {
        return Objects.hash(keyspace, Arrays.hashCode(key), digestOnly);
    }

    @Override
    public String toString() {
        return "Read[" + keyspace + ", " + key.length + "B key" + (digestOnly ? ", digest" : "") + "]";
    }
}
