package io.stratadb.node.paxos.message;

import io.stratadb.node.paxos.Ballot;

import java.util.Objects;

/**
 * Phase 2b: whether the proposal at {@code ballot} was accepted; if not, the higher ballot promised.
 */
public record AcceptResponse(Ballot ballot, boolean accepted, Ballot promised) {

    public AcceptResponse {
        Objects.requireNonNull(ballot, "ballot");
        Objects.requireNonNull(promised, "promised");
    }
}
