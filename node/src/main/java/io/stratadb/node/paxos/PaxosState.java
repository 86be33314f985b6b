package io.stratadb.node.paxos;

import io.stratadb.storage.Cell;

/**
 * An acceptor's durable state for one key.
 *
 * @param promised the highest ballot promised (never lower than {@code accepted}'s ballot)
 * @param accepted the last proposal accepted, or null; cleared once a commit at or above its ballot arrives
 * @param committed the ballot of the most recent commit, {@link Ballot#NONE} if none
 * @param committedValue the newest cell any commit wrote (null if none wrote one). Kept here as well as
 *     in the data table so the value a promise reports never depends on the order in which the commit's
 *     data write and state write reached the disk
 */
public record PaxosState(Ballot promised, Proposal accepted, Ballot committed, Cell committedValue) {

    public static final PaxosState EMPTY = new PaxosState(Ballot.NONE, null, Ballot.NONE, null);

    public PaxosState {
        if (promised == null || committed == null) {
            throw new IllegalArgumentException("ballots must not be null (use Ballot.NONE)");
        }
        if (accepted != null && accepted.ballot().isAfter(promised)) {
            throw new IllegalArgumentException("accepted " + accepted + " above promised " + promised);
        }
    }

    /** The accepted proposal if it is newer than the last commit (a commit may be all that is missing). */
    public Proposal inProgress() {
        return accepted != null && accepted.ballot().isAfter(committed) ? accepted : null;
    }
}
