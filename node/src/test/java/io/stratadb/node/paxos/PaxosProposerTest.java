package io.stratadb.node.paxos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.node.paxos.message.PrepareRequest;
import io.stratadb.node.paxos.message.ProposeRequest;
import io.stratadb.storage.Cell;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The proposer's rules against real acceptors, with every interleaving spelled out by the test. */
class PaxosProposerTest {

    private static final long MS = 1_000_000L;
    private static final byte[] KEY = bytes("k");
    private static final List<String> ALL = List.of("r1", "r2", "r3");

    private final ProposerDriver.Replicas replicas = new ProposerDriver.Replicas();
    private final AtomicLong micros = new AtomicLong(1_700_000_000_000_000L);
    private final ProposerConfig config = new ProposerConfig(1000 * MS, 50 * MS, 5, MS, 8 * MS, 0);
    private int nodes;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String string(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /** A proposer on its own node; each later one's clock reads later, so its first ballot is higher. */
    private ProposerDriver start(PaxosOperation op, ProposerConfig c) {
        micros.addAndGet(1000);
        BallotGenerator g = new BallotGenerator(micros::get, ++nodes);
        return new ProposerDriver(new PaxosProposer(op, ALL, ALL, g, c, new SplittableRandom(nodes)), replicas, 0);
    }

    private ProposerDriver start(PaxosOperation op) {
        return start(op, config);
    }

    private String readThrough(String a, String b) {
        ProposerDriver r = start(PaxosOperation.serialRead("t", KEY));
        r.runUntilDone(a, b);
        return string(((PaxosOutcome.Read) r.outcome()).value());
    }

    // ---- round trips when nobody competes ----

    @Test
    void anUncontendedWriteTakesTwoRoundTripsAndSendsItsCommitWithTheAnswer() {
        ProposerDriver p = start(PaxosOperation.putIfAbsent("t", KEY, bytes("a")));
        assertEquals(List.of("PrepareRequest", "PrepareRequest", "PrepareRequest"), p.pendingKinds());
        p.deliverAll();
        assertEquals(List.of("ProposeRequest", "ProposeRequest", "ProposeRequest"), p.pendingKinds());
        p.deliverAll();
        assertEquals(new PaxosOutcome.Applied(), p.outcome());
        assertEquals(2, p.rounds());
        assertEquals(List.of("CommitRequest", "CommitRequest", "CommitRequest"), p.pendingKinds());
        p.deliverAll();
        assertEquals("a", string(replicas.data("r3").read("t", KEY).value()));
    }

    @Test
    void anUncontendedSerialReadTakesOneRoundTrip() {
        start(PaxosOperation.serialPut("t", KEY, bytes("a"))).deliverAll().deliverAll().deliverAll();
        ProposerDriver r = start(PaxosOperation.serialRead("t", KEY)).deliverAll();
        assertEquals("a", string(((PaxosOutcome.Read) r.outcome()).value()));
        assertEquals(1, r.rounds());
        assertTrue(r.pending().isEmpty(), "a read sends nothing more");
    }

    @Test
    void aFailedConditionIsAnsweredFromThePromisesInOneRoundTrip() {
        start(PaxosOperation.putIfAbsent("t", KEY, bytes("a"))).deliverAll().deliverAll().deliverAll();
        ProposerDriver p = start(PaxosOperation.cas("t", KEY, bytes("zzz"), bytes("b"))).deliverAll();
        assertEquals(new PaxosOutcome.NotApplied(bytes("a")), p.outcome());
        assertEquals(1, p.rounds());
        assertTrue(p.pending().isEmpty());
    }

    @Test
    void eachKindEvaluatesItsCondition() {
        start(PaxosOperation.putIfAbsent("t", KEY, bytes("a"))).deliverAll().deliverAll().deliverAll();
        assertEquals(new PaxosOutcome.NotApplied(bytes("a")),
                start(PaxosOperation.putIfAbsent("t", KEY, bytes("b"))).deliverAll().outcome());
        assertEquals(new PaxosOutcome.Applied(),
                start(PaxosOperation.cas("t", KEY, bytes("a"), bytes("c"))).deliverAll().deliverAll().deliverAll().outcome());
        assertEquals(new PaxosOutcome.NotApplied(bytes("c")),
                start(PaxosOperation.deleteIf("t", KEY, bytes("a"))).deliverAll().outcome());
        assertEquals(new PaxosOutcome.Applied(),
                start(PaxosOperation.deleteIf("t", KEY, bytes("c"))).deliverAll().deliverAll().deliverAll().outcome());
        assertEquals(null, readThrough("r1", "r2"));
        assertEquals(new PaxosOutcome.Applied(),
                start(PaxosOperation.putIfAbsent("t", KEY, bytes("d"))).deliverAll().deliverAll().deliverAll().outcome());
    }

    @Test
    void waitingForCommitAcknowledgementsAddsTheThirdRoundTrip() {
        ProposerDriver p = start(PaxosOperation.serialPut("t", KEY, bytes("a")), config.withCommitBlockFor(2));
        p.deliverAll().deliverAll();
        assertEquals(null, p.outcome(), "chosen, but the commits are not acknowledged yet");
        p.hold("r2", "r3");
        p.deliver("r1");
        assertEquals(null, p.outcome(), "one acknowledgement of the two asked for");
        ProposerDriver q = start(PaxosOperation.serialPut("t", KEY, bytes("b")), config.withCommitBlockFor(2));
        q.deliverAll().deliverAll().deliverAll();
        assertEquals(new PaxosOutcome.Applied(), q.outcome());
        assertEquals(3, q.rounds());
        assertEquals(3, p.rounds());
    }

    // ---- the known bad interleavings ----

    @Test
    void aMinorityAcceptedProposalIsCompletedByTheNextProposer() {
        ProposerDriver p1 = start(PaxosOperation.putIfAbsent("t", KEY, bytes("x")));
        p1.deliverAll();
        List<ProposerStep.Outbound> late = p1.hold("r2", "r3");
        p1.deliver("r1"); // only r1 accepts x; p1 does not know whether x is chosen

        // The next proposer's quorum includes r1: it must complete x before anything else.
        assertEquals("x", readThrough("r1", "r2"));
        assertEquals("x", readThrough("r2", "r3"), "x is now chosen on a quorum that never saw p1's accept");

        // p1's delayed proposes arrive after the read's higher promise: refused.
        for (ProposerStep.Outbound o : late) {
            assertFalse(replicas.get(o.replica()).propose((ProposeRequest) o.message()).accepted());
        }
        // p1 gives up on its round, retries, finds x committed: it tells its client the truth, applied.
        p1.wake().runUntilDone("r1", "r2", "r3"); // it finds x in progress under a later ballot and completes it
        assertEquals(new PaxosOutcome.Applied(), p1.outcome());
    }

    @Test
    void aMinorityAcceptedProposalMissedByTheNextQuorumIsSupersededForGood() {
        ProposerDriver p1 = start(PaxosOperation.putIfAbsent("t", KEY, bytes("x")));
        p1.deliverAll();
        p1.hold("r2", "r3");
        p1.deliver("r1"); // x accepted by r1 alone

        ProposerDriver p2 = start(PaxosOperation.putIfAbsent("t", KEY, bytes("y")));
        p2.hold("r1");
        p2.deliver("r2", "r3").deliver("r2", "r3").deliver("r2", "r3");
        assertEquals(new PaxosOutcome.Applied(), p2.outcome());

        // r1 still holds x accepted, but under a ballot older than y's commit: every quorum now reads y.
        assertEquals("y", readThrough("r1", "r2"));
        assertEquals("y", readThrough("r1", "r3"));

        // p1 cannot tell whether someone completed x before y overwrote it: it must not say "not applied".
        p1.wake().runUntilDone("r1", "r3");
        assertEquals(new PaxosOutcome.Timeout(PaxosOutcome.Phase.PROPOSE, true), p1.outcome());
    }

    /**
     * CASSANDRA-12126: an operation whose condition fails must still fix its ballot, or an older proposal
     * accepted by a minority can be completed later and appear after the "not applied" answer. Here the
     * older proposal is the operation's own earlier round (the only case in which it can answer a definite
     * outcome while such a proposal exists), and the value changed meanwhile through an ordinary write.
     * It also pins that the fix carries the current value: a no-op fix (our first version) erased the only
     * trace of a chosen value whose commit had reached one replica, which the simulation found.
     */
    @Test
    void aFailedConditionFixesItsBallotSoAnOlderProposalIsNeverAcceptedAfterwards() {
        ProposerDriver p1 = start(PaxosOperation.putIfAbsent("t", KEY, bytes("x")));
        p1.deliverAll();
        List<ProposerStep.Outbound> late = p1.hold("r2", "r3");
        p1.deliver("r1"); // x accepted by r1 alone: p1's outcome is uncertain
        // An ordinary (non-serial) write lands on r2 and r3, stamped before p1's ballot.
        Cell z = Cell.value(bytes("z"), micros.get() - 500_000);
        replicas.data("r2").apply("t", KEY, z);
        replicas.data("r3").apply("t", KEY, z);

        p1.wake().wakeUntilItSends();
        p1.hold("r1");
        p1.deliver("r2", "r3"); // promises show z and no trace of x: the condition fails
        assertEquals(List.of("ProposeRequest", "ProposeRequest", "ProposeRequest"), p1.pendingKinds(),
                "a failed condition after an uncertain round proposes to fix its ballot");
        ProposeRequest fix = (ProposeRequest) p1.pending().get(0).message();
        assertEquals(z, fix.proposal().update(), "the fix re-proposes the current value, erasing nothing");
        p1.deliver("r2", "r3");
        assertEquals(new PaxosOutcome.NotApplied(bytes("z")), p1.outcome());

        // x can never come back: its late proposes are refused and a quorum with r1 reads z.
        for (ProposerStep.Outbound o : late) {
            assertFalse(replicas.get(o.replica()).propose((ProposeRequest) o.message()).accepted());
        }
        assertEquals("z", readThrough("r1", "r2"));
        assertEquals("z", readThrough("r1", "r3"));
    }

    /** Regression (found by the simulation): only the last lost round used to be remembered as ours. */
    @Test
    void everyLostRoundOfAnOperationIsRecognizedAsItsOwn() {
        ProposerDriver p1 = start(PaxosOperation.putIfAbsent("t", KEY, bytes("x")));
        p1.deliverAll();
        p1.hold("r2", "r3");
        p1.deliver("r1"); // round 1: x (first timestamp) accepted by r1 alone
        p1.wake().wakeUntilItSends();
        p1.hold("r1");
        p1.deliver("r2", "r3"); // round 2 does not see round 1 (r1 is not in its quorum)...
        p1.hold("r1", "r3");
        p1.deliver("r2"); // ...and its x (second timestamp) reaches r2 alone
        p1.wake().wakeUntilItSends();
        p1.hold("r2");
        p1.deliver("r1", "r3"); // round 3 finds round 1's x in progress on r1: its own write, not another's
        p1.deliver("r1", "r3");
        assertEquals(new PaxosOutcome.Applied(), p1.outcome(), "before the fix: not applied, current x");
        p1.deliverAll();
        assertEquals("x", readThrough("r2", "r3"));
    }

    /**
     * Regression (found by the simulation): a fix proposed the current value over another operation's
     * proposal in progress, erasing it after it may have been chosen.
     */
    @Test
    void aFixReproposesAProposalInProgressRatherThanTheCurrentValue() {
        ProposerDriver p1 = start(PaxosOperation.putIfAbsent("t", KEY, bytes("x")));
        p1.deliverAll();
        p1.hold("r2", "r3");
        p1.deliver("r1"); // round 1: x accepted by r1 alone
        p1.wake().wakeUntilItSends();
        p1.hold("r1");
        p1.deliver("r2", "r3");
        p1.hold("r1", "r3");
        p1.deliver("r2"); // round 2: x (another timestamp) accepted by r2 alone

        ProposerDriver reader = start(PaxosOperation.serialRead("t", KEY));
        reader.hold("r1");
        reader.runUntilDone("r2", "r3"); // completes round 2's x: chosen
        reader.deliver("r2", "r3"); // its commits
        ProposerDriver p3 = start(PaxosOperation.cas("t", KEY, bytes("x"), bytes("y")));
        p3.hold("r1");
        p3.deliver("r2", "r3");
        p3.hold("r1", "r2");
        p3.deliver("r3"); // y accepted by r3 alone: in progress, p3 still waiting

        p1.wake();
        for (int i = 0; i < 50 && !p1.pendingKinds().contains("ProposeRequest"); i++) {
            p1.hold("r1");
            if (p1.pending().isEmpty()) {
                p1.wake(); // backing off after a refusal (the others' ballots are higher)
            } else {
                p1.deliver("r2", "r3"); // sees its x committed, a round of its own maybe lingering, y in progress
            }
        }
        p1.hold("r1");
        ProposeRequest fix = (ProposeRequest) p1.pending().get(0).message();
        assertEquals("y", string(fix.proposal().update().value()), "the fix must carry the proposal in progress");
        p1.deliver("r2", "r3");
        assertEquals(new PaxosOutcome.Applied(), p1.outcome());
    }

    @Test
    void competingProposersWithCrossedBallotsChooseOneValue() {
        ProposerDriver p1 = start(PaxosOperation.putIfAbsent("t", KEY, bytes("x")));
        ProposerDriver p2 = start(PaxosOperation.putIfAbsent("t", KEY, bytes("y")));
        p1.hold("r3");
        p1.deliver("r1", "r2"); // p1 promised by r1, r2
        p2.hold("r1");
        p2.deliver("r2", "r3"); // p2's higher ballot promised by r2, r3: both think they may propose
        assertEquals(3, p1.pending().size());
        assertEquals(3, p2.pending().size());

        p1.deliverAll(); // r1 accepts x; r2 and r3 promised p2's higher ballot and refuse
        assertEquals(null, p1.outcome());
        p2.deliverAll(); // y accepted everywhere (above x's ballot on r1 too)
        assertEquals(new PaxosOutcome.Applied(), p2.outcome());
        p2.deliverAll(); // commits

        p1.runUntilDone("r1", "r2", "r3");
        // x reached r1, so p1 cannot rule out that x was completed and then overwritten: unknown, not a lie.
        assertEquals(new PaxosOutcome.Timeout(PaxosOutcome.Phase.PROPOSE, true), p1.outcome());
        assertEquals("y", readThrough("r1", "r3"));
    }

    /**
     * A refusal does not prove the proposal was never accepted (a duplicated propose may have been accepted
     * first: the simulation found exactly that), so a proposer refused everywhere whose retry then finds a
     * newer value cannot answer "not applied".
     */
    @Test
    void aProposalRefusedEverywhereStaysUncertain() {
        ProposerDriver p1 = start(PaxosOperation.putIfAbsent("t", KEY, bytes("x")));
        ProposerDriver p2 = start(PaxosOperation.putIfAbsent("t", KEY, bytes("y")));
        p1.deliverAll();
        p2.deliverAll(); // p2's higher ballot promised everywhere
        p1.deliverAll(); // x refused by all three
        assertEquals(null, p1.outcome());
        p2.deliverAll().deliverAll();
        assertEquals(new PaxosOutcome.Applied(), p2.outcome());

        p1.runUntilDone("r1", "r2", "r3");
        assertEquals(new PaxosOutcome.Timeout(PaxosOutcome.Phase.PROPOSE, true), p1.outcome());
    }

    // ---- failures ----

    @Test
    void fewerThanAQuorumAliveIsUnavailableAndSendsNothing() {
        PaxosProposer p = new PaxosProposer(PaxosOperation.serialRead("t", KEY), ALL, List.of("r1"),
                new BallotGenerator(micros::get, 1), config, new SplittableRandom(1));
        ProposerStep s = p.start(0);
        assertEquals(new PaxosOutcome.Unavailable(1, 2), s.outcome());
        assertTrue(s.messages().isEmpty());
    }

    @Test
    void aCommitConsistencyTheAliveReplicasCannotMeetIsUnavailable() {
        PaxosProposer p = new PaxosProposer(PaxosOperation.serialPut("t", KEY, bytes("a")), ALL, List.of("r1", "r2"),
                new BallotGenerator(micros::get, 1), config.withCommitBlockFor(3), new SplittableRandom(1));
        assertEquals(new PaxosOutcome.Unavailable(2, 3), p.start(0).outcome());
    }

    @Test
    void runningOutOfTimeInPrepareIsACertainFailure() {
        ProposerDriver p = start(PaxosOperation.serialPut("t", KEY, bytes("a")));
        p.hold("r1", "r2", "r3");
        for (int i = 0; i < 1000 && p.outcome() == null; i++) {
            p.wake();
            p.hold("r1", "r2", "r3");
        }
        PaxosOutcome o = p.outcome();
        assertTrue(o instanceof PaxosOutcome.Contention || o.equals(new PaxosOutcome.Timeout(PaxosOutcome.Phase.PREPARE, false)), o.toString());
        assertFalse(o.mayHaveApplied());
    }

    @Test
    void runningOutOfTimeInProposeIsAnUnknownOutcome() {
        ProposerConfig oneRound = new ProposerConfig(40 * MS, 50 * MS, 5, MS, 8 * MS, 0);
        ProposerDriver p = start(PaxosOperation.serialPut("t", KEY, bytes("a")), oneRound);
        p.deliverAll();
        p.hold("r2", "r3");
        p.deliver("r1");
        p.wake();
        assertEquals(new PaxosOutcome.Timeout(PaxosOutcome.Phase.PROPOSE, true), p.outcome());
    }

    @Test
    void contentionBacksOffRandomlyWithinADoublingBoundAndGivesUp() {
        // Another node holds a far higher promise on r1..r3 each time we retry.
        ProposerDriver p = start(PaxosOperation.serialPut("t", KEY, bytes("a")));
        long previousCap = 0;
        for (int attempt = 1; p.outcome() == null; attempt++) {
            for (String r : ALL) {
                replicas.get(r).prepare(new PrepareRequest("t", KEY, new Ballot(micros.get() + 1_000_000L * attempt, 99)));
            }
            long before = p.now();
            p.deliverAll(); // refused by all
            if (p.outcome() != null) {
                break;
            }
            long cap = Math.min(MS << (attempt - 1), 8 * MS);
            long delay = p.wakeAt() - before;
            assertTrue(delay >= 1 && delay <= cap + 1, "attempt " + attempt + " backoff " + delay + " cap " + cap);
            assertTrue(cap >= previousCap);
            previousCap = cap;
            p.wakeUntilItSends();
            PrepareRequest next = (PrepareRequest) p.pending().get(0).message();
            assertTrue(next.ballot().micros() > micros.get() + 1_000_000L * attempt, "retries above the promise it saw");
        }
        assertEquals(new PaxosOutcome.Contention(5), p.outcome());
    }

    @Test
    void aCommitAboveOurBallotMakesUsRetryAboveIt() {
        // A replica holds a commit from a node whose clock is ahead: writing under our lower ballot would
        // give our value an older timestamp than the one it replaces.
        Ballot ahead = new Ballot(micros.get() + 60_000_000L, 99);
        for (String r : ALL) {
            replicas.get(r).commit(new io.stratadb.node.paxos.message.CommitRequest("t", KEY,
                    new Proposal(ahead, Cell.value(bytes("future"), ahead.micros()))));
        }
        ProposerDriver p = start(PaxosOperation.cas("t", KEY, bytes("future"), bytes("next")));
        p.deliverAll();
        PrepareRequest retry = (PrepareRequest) p.pending().get(0).message();
        assertTrue(retry.ballot().isAfter(ahead));
        p.deliverAll().deliverAll();
        assertEquals(new PaxosOutcome.Applied(), p.outcome());
        p.deliverAll();
        assertEquals("next", readThrough("r1", "r2"));
    }

    @Test
    void duplicatedAndStaleAnswersAreIgnored() {
        ProposerDriver p = start(PaxosOperation.serialRead("t", KEY));
        List<ProposerStep.Outbound> prepares = List.copyOf(p.pending());
        PrepareRequest first = (PrepareRequest) prepares.get(0).message();
        var promise = replicas.get("r1").prepare(first);
        PaxosProposer proposer = new PaxosProposer(PaxosOperation.serialRead("t", KEY), ALL, ALL,
                new BallotGenerator(micros::get, 50), config, new SplittableRandom(1));
        proposer.start(0);
        // A promise for another ballot, and the same replica twice, never make a quorum.
        assertEquals(null, proposer.onPromise("r1", promise, 0).outcome());
        assertInstanceOf(ProposerStep.class, proposer.onPromise("r1", promise, 0));
        assertEquals(null, proposer.outcome());
    }
}
