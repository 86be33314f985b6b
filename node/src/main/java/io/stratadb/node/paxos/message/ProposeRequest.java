package io.stratadb.node.paxos.message;

import io.stratadb.node.paxos.Proposal;

import java.util.Arrays;
import java.util.Objects;

/** Phase 2a: accept this proposal for the key unless a higher ballot was promised. */
public record ProposeRequest(String table, byte[] key, Proposal proposal) {

    public ProposeRequest {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(proposal, "proposal");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProposeRequest p && table.equals(p.table) && Arrays.equals(key, p.key)
                && proposal.equals(p.proposal);
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, Arrays.hashCode(key), proposal);
    }

    @Override
    public String toString() {
        return "Propose[" + table + ", " + key.length + "B key, " + proposal + "]";
    }
}
