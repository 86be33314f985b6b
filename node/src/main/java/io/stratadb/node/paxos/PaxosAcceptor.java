package io.stratadb.node.paxos;

import io.stratadb.node.paxos.message.AcceptResponse;
import io.stratadb.node.paxos.message.CommitAck;
import io.stratadb.node.paxos.message.CommitRequest;
import io.stratadb.node.paxos.message.PrepareRequest;
import io.stratadb.node.paxos.message.PromiseResponse;
import io.stratadb.node.paxos.message.ProposeRequest;
import io.stratadb.storage.Cell;

/**
 * The acceptor's rules, as pure functions of (state, request) to (new state, response). The caller
 * ({@link PaxosReplica}) loads the state, calls one of these under the key's lock, makes a changed
 * state durable, and only then sends the response: a promise or an accept that a crash could take back
 * would let two values be chosen.
 */
public final class PaxosAcceptor {

    /**
     * What a rule decided.
     *
     * @param state the new state, or null when it did not change (nothing to persist)
     * @param response what to answer, after persisting
     * @param apply a cell to write to the data table (commits only), or null
     */
    public record Step<R>(PaxosState state, R response, Cell apply) {
        public boolean changed() {
            return state != null;
        }
    }

    /**
     * Promises {@code ballot} if it is at least the promised one (equal: a duplicated prepare from the
     * same proposer, since ballots are unique), reporting the current value and any in-progress proposal.
     *
     * @param dataCell the key's cell in the data table at this replica (ordinary writes land there), or null
     */
    public Step<PromiseResponse> prepare(PaxosState state, PrepareRequest request, Cell dataCell) {
        Ballot ballot = request.ballot();
        if (ballot.isBefore(state.promised())) {
            return new Step<>(null, PromiseResponse.reject(ballot, state.promised()), null);
        }
        PaxosState next = ballot.equals(state.promised()) ? null
                : new PaxosState(ballot, state.accepted(), state.committed(), state.committedValue());
        Cell current = newest(dataCell, state.committedValue());
        return new Step<>(next, PromiseResponse.promise(ballot, state.inProgress(), state.committed(), current), null);
    }

    /** Accepts unless a higher ballot was promised. Accepting also promises the proposal's ballot. */
    public Step<AcceptResponse> propose(PaxosState state, ProposeRequest request) {
        Proposal p = request.proposal();
        if (p.ballot().isBefore(state.promised())) {
            return new Step<>(null, new AcceptResponse(p.ballot(), false, state.promised()), null);
        }
        PaxosState next = p.equals(state.accepted()) && p.ballot().equals(state.promised()) ? null
                : new PaxosState(p.ballot(), p, state.committed(), state.committedValue());
        return new Step<>(next, new AcceptResponse(p.ballot(), true, p.ballot()), null);
    }

    /**
     * Records a chosen proposal whatever has been promised since (a commit is a fact, not a request),
     * clears an accepted proposal it supersedes and hands its cell to the data table. A commit older
     * than the one recorded changes nothing: its cell has lost to the newer commit's already.
     */
    public Step<CommitAck> commit(PaxosState state, CommitRequest request) {
        Proposal p = request.proposal();
        CommitAck ack = new CommitAck(p.ballot());
        if (!p.ballot().isAfter(state.committed())) {
            return new Step<>(null, ack, null);
        }
        Proposal accepted = state.accepted() != null && !state.accepted().ballot().isAfter(p.ballot()) ? null : state.accepted();
        Cell value = newest(state.committedValue(), p.update());
        return new Step<>(new PaxosState(state.promised(), accepted, p.ballot(), value), ack, p.update());
    }

    static Cell newest(Cell a, Cell b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Cell.reconcile(a, b);
    }
}
