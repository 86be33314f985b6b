package io.stratadb.node.paxos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.node.paxos.message.AcceptResponse;
import io.stratadb.node.paxos.message.CommitAck;
import io.stratadb.node.paxos.message.CommitRequest;
import io.stratadb.node.paxos.message.PrepareRequest;
import io.stratadb.node.paxos.message.PromiseResponse;
import io.stratadb.node.paxos.message.ProposeRequest;
import io.stratadb.storage.Cell;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PaxosAcceptorTest {

    private static final byte[] KEY = "k".getBytes(StandardCharsets.UTF_8);
    private final PaxosAcceptor acceptor = new PaxosAcceptor();

    private static Ballot b(long micros) {
        return new Ballot(micros, 1);
    }

    private static Cell cell(String v, long ts) {
        return Cell.value(v.getBytes(StandardCharsets.UTF_8), ts);
    }

    private static PrepareRequest prepare(Ballot b) {
        return new PrepareRequest("t", KEY, b);
    }

    private static ProposeRequest propose(Ballot b, Cell c) {
        return new ProposeRequest("t", KEY, new Proposal(b, c));
    }

    private static CommitRequest commit(Ballot b, Cell c) {
        return new CommitRequest("t", KEY, new Proposal(b, c));
    }

    @Test
    void aHigherBallotIsPromisedAndThePromiseCarriesTheCurrentValue() {
        Cell data = cell("v", 5);
        PaxosAcceptor.Step<PromiseResponse> s = acceptor.prepare(PaxosState.EMPTY, prepare(b(10)), data);
        assertTrue(s.response().promised());
        assertEquals(data, s.response().current());
        assertNull(s.response().inProgress());
        assertEquals(Ballot.NONE, s.response().committed());
        assertEquals(b(10), s.state().promised());
    }

    @Test
    void aLowerBallotIsRefusedWithThePromisedOne() {
        PaxosState promised = new PaxosState(b(10), null, Ballot.NONE, null);
        PaxosAcceptor.Step<PromiseResponse> s = acceptor.prepare(promised, prepare(b(9)), null);
        assertFalse(s.response().promised());
        assertEquals(b(10), s.response().promisedBallot());
        assertFalse(s.changed(), "a refusal writes nothing");
    }

    @Test
    void aDuplicatedPrepareIsPromisedAgainWithoutAWrite() {
        PaxosState promised = new PaxosState(b(10), null, Ballot.NONE, null);
        PaxosAcceptor.Step<PromiseResponse> s = acceptor.prepare(promised, prepare(b(10)), null);
        assertTrue(s.response().promised());
        assertFalse(s.changed());
    }

    @Test
    void aProposalAtOrAboveThePromiseIsAcceptedAndBelowItRejected() {
        PaxosState promised = new PaxosState(b(10), null, Ballot.NONE, null);
        PaxosAcceptor.Step<AcceptResponse> below = acceptor.propose(promised, propose(b(9), cell("x", 9)));
        assertFalse(below.response().accepted());
        assertEquals(b(10), below.response().promised());
        assertFalse(below.changed());

        PaxosAcceptor.Step<AcceptResponse> at = acceptor.propose(promised, propose(b(10), cell("x", 10)));
        assertTrue(at.response().accepted());
        assertEquals(new Proposal(b(10), cell("x", 10)), at.state().accepted());

        PaxosAcceptor.Step<AcceptResponse> above = acceptor.propose(promised, propose(b(11), cell("y", 11)));
        assertTrue(above.response().accepted());
        assertEquals(b(11), above.state().promised(), "accepting promises the proposal's ballot too");
    }

    @Test
    void anAcceptedProposalNewerThanTheLastCommitIsReportedInProgress() {
        PaxosState s = new PaxosState(b(10), new Proposal(b(10), cell("x", 10)), b(5), cell("old", 5));
        PromiseResponse p = acceptor.prepare(s, prepare(b(12)), cell("old", 5)).response();
        assertEquals(new Proposal(b(10), cell("x", 10)), p.inProgress());
        assertEquals(b(5), p.committed());
        assertEquals(cell("old", 5), p.current());
    }

    @Test
    void aCommitRecordsTheValueClearsTheAcceptedProposalAndHandsTheCellToTheDataTable() {
        PaxosState s = new PaxosState(b(10), new Proposal(b(10), cell("x", 10)), b(5), cell("old", 5));
        PaxosAcceptor.Step<CommitAck> c = acceptor.commit(s, commit(b(10), cell("x", 10)));
        assertEquals(b(10), c.state().committed());
        assertEquals(cell("x", 10), c.state().committedValue());
        assertNull(c.state().accepted());
        assertEquals(cell("x", 10), c.apply());
        assertEquals(b(10), c.state().promised(), "a commit does not lower the promise");
    }

    @Test
    void aCommitArrivingAfterAHigherPromiseIsStillRecorded() {
        PaxosState s = new PaxosState(b(20), new Proposal(b(10), cell("x", 10)), b(5), null);
        PaxosAcceptor.Step<CommitAck> c = acceptor.commit(s, commit(b(10), cell("x", 10)));
        assertEquals(b(10), c.state().committed());
        assertEquals(b(20), c.state().promised());
    }

    @Test
    void aCommitDoesNotClearANewerAcceptedProposal() {
        Proposal newer = new Proposal(b(12), cell("y", 12));
        PaxosState s = new PaxosState(b(12), newer, b(5), null);
        PaxosAcceptor.Step<CommitAck> c = acceptor.commit(s, commit(b(10), cell("x", 10)));
        assertEquals(newer, c.state().accepted());
        assertEquals(newer, c.state().inProgress());
    }

    @Test
    void anOlderCommitChangesNothing() {
        PaxosState s = new PaxosState(b(12), null, b(12), cell("y", 12));
        PaxosAcceptor.Step<CommitAck> c = acceptor.commit(s, commit(b(10), cell("x", 10)));
        assertFalse(c.changed());
        assertNull(c.apply());
        assertEquals(b(10), c.response().ballot());
    }

    @Test
    void theCurrentValueIsTheNewerOfTheDataTableAndTheLastCommittedValue() {
        // The data table lost the committed write in a crash (PERIODIC mode): the state still has it.
        PaxosState s = new PaxosState(b(12), null, b(12), cell("y", 12));
        assertEquals(cell("y", 12), acceptor.prepare(s, prepare(b(13)), cell("x", 10)).response().current());
        // An ordinary write newer than the commit wins, as it does for ordinary reads.
        assertEquals(cell("z", 20), acceptor.prepare(s, prepare(b(13)), cell("z", 20)).response().current());
    }

    @Test
    void aNoopCommitMovesTheCommittedBallotAndKeepsTheValue() {
        PaxosState s = new PaxosState(b(12), Proposal.noop(b(12)), b(5), cell("x", 5));
        PaxosAcceptor.Step<CommitAck> c = acceptor.commit(s, new CommitRequest("t", KEY, Proposal.noop(b(12))));
        assertEquals(b(12), c.state().committed());
        assertEquals(cell("x", 5), c.state().committedValue());
        assertNull(c.apply());
    }

    @Test
    void theReplicaPersistsEveryChangeBeforeAnsweringAndARestartRemembersThePromise() {
        InMemoryPaxosStateStore store = new InMemoryPaxosStateStore();
        InMemoryDataTable data = new InMemoryDataTable();
        PaxosReplica replica = new PaxosReplica(store, data);
        assertTrue(replica.prepare(prepare(b(10))).promised());
        assertEquals(1, store.saves());
        assertTrue(replica.prepare(prepare(b(10))).promised());
        assertEquals(1, store.saves(), "nothing changed, nothing written");
        assertFalse(replica.prepare(prepare(b(9))).promised());

        PaxosReplica restarted = new PaxosReplica(store, data);
        assertFalse(restarted.propose(propose(b(9), cell("x", 9))).accepted(), "the promise survived the restart");
        assertTrue(restarted.propose(propose(b(10), cell("x", 10))).accepted());
        restarted.commit(commit(b(10), cell("x", 10)));
        assertEquals(cell("x", 10), data.read("t", KEY));
        assertSame(null, store.load("t", KEY).accepted());
    }
}
