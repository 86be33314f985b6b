package io.stratadb.node.messaging.payload;

import io.stratadb.storage.Cell;

import java.util.Arrays;
import java.util.Objects;

/**
 * A replica's answer to READ: the cell (null when the replica has none), or for a digest read only the
 * digest. A tombstone is returned as a cell, not as "none", so the coordinator can reconcile it.
 */
public record ReadResponsePayload(Cell cell, byte[] digest) {

    public static ReadResponsePayload ofCell(Cell cell) {
        return new ReadResponsePayload(cell, null);
    }

    public static ReadResponsePayload ofDigest(byte[] digest) {
        return new ReadResponsePayload(null, Objects.requireNonNull(digest, "digest"));
    }

    public ReadResponsePayload {
        if (cell != null && digest != null) {
            throw new IllegalArgumentException("a read response carries a cell or a digest, not both");
        }
    }

    public boolean isDigest() {
        return digest != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadResponsePayload other && Objects.equals(cell, other.cell)
                && Arrays.equals(digest, other.digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cell, Arrays.hashCode(digest));
    }

    @Override
    public String toString() {
        return isDigest() ? "ReadResponse[digest " + digest.length + "B]" : "ReadResponse[" + cell + "]";
    }
}
