package io.stratadb.node.paxos.message;

import io.stratadb.node.paxos.Ballot;

import java.util.Objects;

/** The commit at {@code ballot} is applied at this replica (counted only when commits are waited for). */
public record CommitAck(Ballot ballot) {

    public CommitAck {
        Objects.requireNonNull(ballot, "ballot");
    }
}
