package io.stratadb.node.paxos;

import io.stratadb.storage.Cell;

/**
 * What a proposer asks acceptors to accept: a ballot and the cell to write. The cell is null only when a
 * proposer fixes its ballot on a key that has never had a value (a no-op; see {@code docs/paxos.md},
 * "failed conditions").
 *
 * <p>When a proposer completes someone else's in-progress proposal it re-proposes the same cell (with
 * the original timestamp) under its own ballot, so a replica that already applied it applies nothing new.
 */
public record Proposal(Ballot ballot, Cell update) {

    public Proposal {
        if (ballot == null || ballot.isNone()) {
            throw new IllegalArgumentException("a proposal needs a real ballot");
        }
    }

    public static Proposal noop(Ballot ballot) {
        return new Proposal(ballot, null);
    }

    public boolean isNoop() {
        return update == null;
    }

    /** The same update under another ballot. */
    public Proposal withBallot(Ballot b) {
        return new Proposal(b, update);
    }

    @Override
    public String toString() {
        return "Proposal[" + ballot + ", " + (update == null ? "no-op" : update) + "]";
    }
}
