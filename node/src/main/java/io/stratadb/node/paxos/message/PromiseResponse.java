package io.stratadb.node.paxos.message;

import io.stratadb.node.paxos.Ballot;
import io.stratadb.node.paxos.Proposal;
import io.stratadb.storage.Cell;

import java.util.Objects;

/**
 * Phase 1b. When {@code promised}, it folds the read into the prepare: {@code current} is the key's
 * newest cell at this replica (data table reconciled with the last committed value; null if none), and
 * {@code inProgress} the accepted proposal newer than the last commit, if any. When not promised,
 * {@code promisedBallot} is the higher ballot already promised, so the proposer can retry above it.
 *
 * @param ballot the ballot this answers (responses to an abandoned round are ignored)
 */
public record PromiseResponse(Ballot ballot, boolean promised, Ballot promisedBallot, Proposal inProgress,
                              Ballot committed, Cell current) {

    public PromiseResponse {
        Objects.requireNonNull(ballot, "ballot");
        Objects.requireNonNull(promisedBallot, "promisedBallot");
        Objects.requireNonNull(committed, "committed");
    }

    public static PromiseResponse promise(Ballot ballot, Proposal inProgress, Ballot committed, Cell current) {
        return new PromiseResponse(ballot, true, ballot, inProgress, committed, current);
    }

    public static PromiseResponse reject(Ballot ballot, Ballot promisedBallot) {
        return new PromiseResponse(ballot, false, promisedBallot, null, Ballot.NONE, null);
    }
}
