package io.stratadb.node.paxos.message;

import io.stratadb.node.paxos.Ballot;

import java.util.Arrays;
import java.util.Objects;

/** Phase 1a: promise not to accept anything below {@code ballot} for this key, and tell me its state. */
public record PrepareRequest(String table, byte[] key, Ballot ballot) {

    public PrepareRequest {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(ballot, "ballot");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrepareRequest p && table.equals(p.table) && Arrays.equals(key, p.key) && ballot.equals(p.ballot);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, Arrays.hashCode(key), ballot);
    }

    @Override
    public String toString() {
        return "Prepare[" + table + ", " + key.length + "B key, " + ballot + "]";
    }
}
