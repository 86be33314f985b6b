package io.stratadb.node.paxos.message;

import io.stratadb.node.paxos.Proposal;

import java.util.Arrays;
import java.util.Objects;

/** The proposal was chosen: record the commit and apply its cell (if any) to the data table. */
public record CommitRequest(String table, byte[] key, Proposal proposal) {

    public CommitRequest {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(proposal, "proposal");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommitRequest p && table.equals(p.table) && Arrays.equals(key, p.key)
                && proposal.equals(p.proposal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, Arrays.hashCode(key), proposal);
    }

    @Override
    public String toString() {
        return "Commit[" + table + ", " + key.length + "B key, " + proposal + "]";
    }
}
