package io.stratadb.node.messaging.payload;

import java.util.Arrays;
import java.util.Objects;

/**
 * One page of a replica's table, the remote form of {@code ReplicaAccess.scan}: up to {@code limit}
 * entries after {@code startExclusive} (null = from the table's start) and up to {@code endExclusive}
 * (null = to the table's end), in storage-key order.
 */
public record RangeReadPayload(String table, byte[] startExclusive, byte[] endExclusive, int limit) {

    public RangeReadPayload {
        Objects.requireNonNull(table, "table");
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RangeReadPayload other && table.equals(other.table)
                && Arrays.equals(startExclusive, other.startExclusive)
                && Arrays.equals(endExclusive, other.endExclusive) && limit == other.limit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, Arrays.hashCode(startExclusive), Arrays.hashCode(endExclusive), limit);
    }

    @Override
    public String toString() {
        return "RangeRead[" + table + ", limit " + limit + (startExclusive == null ? ", from start" : "")
                + (endExclusive == null ? ", to end" : "") + "]";
    }
}
