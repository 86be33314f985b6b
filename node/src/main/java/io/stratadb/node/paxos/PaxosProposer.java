package io.stratadb.node.paxos;

import io.stratadb.node.paxos.PaxosOutcome.Phase;
import io.stratadb.node.paxos.message.AcceptResponse;
import io.stratadb.node.paxos.message.CommitAck;
import io.stratadb.node.paxos.message.CommitRequest;
import io.stratadb.node.paxos.message.PrepareRequest;
import io.stratadb.node.paxos.message.PromiseResponse;
import io.stratadb.node.paxos.message.ProposeRequest;
import io.stratadb.storage.Cell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The proposer of one serial operation, as a state machine (etcd/raft style): every input (a response,
 * a timer wake-up) returns a {@link ProposerStep} with the messages to send and, at the end, the outcome.
 * It does no I/O and reads no clock: the caller passes the time in. Not thread-safe; the coordinator feeds
 * one operation's inputs one at a time. The protocol and why it is linearizable: {@code docs/paxos.md}.
 *
 * <p>Round trips when nobody competes: a serial read or a failed condition is answered from the promises
 * (one); a write needs the propose round too (two); the commit goes out with the answer and is waited for
 * only if {@link ProposerConfig#commitBlockFor} asks.
 */
public final class PaxosProposer {

    private enum Stage { NEW, PREPARING, PROPOSING, COMMITTING, BACKING_OFF, DONE }

    /**
     * Why we are proposing: our own write, completing what a prepare found (ours or another's), or fixing
     * our ballot by re-proposing the current value unchanged.
     */
    private enum Purpose { OWN, OWN_COMPLETION, COMPLETION, FIX }

    private final PaxosOperation op;
    private final List<String> alive;
    private final int quorum;
    private final BallotGenerator ballots;
    private final ProposerConfig config;
    private final RandomGenerator random;

    private Stage stage = Stage.NEW;
    private long deadline;
    private long roundDeadline;
    private long backoffUntil;
    private int attempts;
    private Ballot ballot;
    private Ballot highestSeen = Ballot.NONE;
    private final Map<String, PromiseResponse> promises = new HashMap<>();
    private final Set<String> accepted = new HashSet<>();
    private final Set<String> refused = new HashSet<>();
    private Proposal proposal;
    private Purpose purpose;
    private Cell currentAtPrepare;
    private PaxosOutcome answerAfterFix;
    /**
     * Our own writes (one per lost propose round, each with its own ballot and timestamp) that may have
     * been accepted somewhere without our knowing whether they were chosen.
     */
    private final List<Proposal> uncertainOwn = new ArrayList<>();
    /** The last proposal this proposer saw chosen: counts as committed even before its commits land. */
    private Proposal lastChosen;
    private PaxosOutcome outcome;

    /**
     * @param replicas every replica of the key (the quorum is a majority of them)
     * @param alive the replicas believed alive, to which messages are sent
     */
    public PaxosProposer(PaxosOperation op, List<String> replicas, List<String> alive, BallotGenerator ballots,
                         ProposerConfig config, RandomGenerator random) {
        this.op = op;
        this.alive = List.copyOf(alive);
        this.quorum = replicas.size() / 2 + 1;
        this.ballots = ballots;
        this.config = config;
        this.random = random;
    }

    public PaxosOperation operation() {
        return op;
    }

    /** The outcome, or null while running. */
    public PaxosOutcome outcome() {
        return outcome;
    }

    public ProposerStep start(long now) {
        if (stage != Stage.NEW) {
            throw new IllegalStateException("already started");
        }
        deadline = now + config.timeoutNanos();
        if (alive.size() < quorum || alive.size() < config.commitBlockFor()) {
            // Like an ordinary write, refuse up front what the alive replicas cannot satisfy.
            return finish(new PaxosOutcome.Unavailable(alive.size(), Math.max(quorum, config.commitBlockFor())), List.of());
        }
        return prepare(now, new ArrayList<>());
    }

    // ---- phase 1 ----

    private ProposerStep prepare(long now, List<ProposerStep.Outbound> out) {
        attempts++;
        ballot = ballots.nextAbove(highestSeen);
        stage = Stage.PREPARING;
        promises.clear();
        refused.clear();
        roundDeadline = now + config.roundTimeoutNanos();
        PrepareRequest request = new PrepareRequest(op.table(), op.key(), ballot);
        for (String r : alive) {
            out.add(new ProposerStep.Outbound(r, request));
        }
        return step(out);
    }

    public ProposerStep onPromise(String from, PromiseResponse r, long now) {
        if (stage != Stage.PREPARING || !r.ballot().equals(ballot) || promises.containsKey(from) || refused.contains(from)) {
            return step(List.of());
        }
        highestSeen = Ballot.max(highestSeen, r.promisedBallot());
        if (!r.promised()) {
            refused.add(from);
            return refused.size() > alive.size() - quorum ? retry(now, Phase.PREPARE, new ArrayList<>()) : step(List.of());
        }
        promises.put(from, r);
        return promises.size() >= quorum ? onPromiseQuorum(now) : step(List.of());
    }

    private ProposerStep onPromiseQuorum(long now) {
        Ballot maxCommitted = Ballot.NONE;
        Ballot maxSeen = Ballot.NONE;
        Cell current = null;
        Proposal inProgress = null;
        for (PromiseResponse p : promises.values()) {
            maxCommitted = Ballot.max(maxCommitted, p.committed());
            current = PaxosAcceptor.newest(current, p.current());
            if (p.inProgress() != null) {
                maxSeen = Ballot.max(maxSeen, p.inProgress().ballot());
                if (inProgress == null || p.inProgress().ballot().isAfter(inProgress.ballot())) {
                    inProgress = p.inProgress();
                }
            }
        }
        maxSeen = Ballot.max(maxSeen, maxCommitted);
        highestSeen = Ballot.max(highestSeen, maxSeen);
        if (lastChosen != null) {
            maxCommitted = Ballot.max(maxCommitted, lastChosen.ballot());
            current = PaxosAcceptor.newest(current, lastChosen.update());
        }
        if (inProgress != null && !inProgress.ballot().isAfter(maxCommitted)) {
            inProgress = null; // superseded by a commit, or already known chosen
        }
        List<ProposerStep.Outbound> out = new ArrayList<>();
        if (maxSeen.isAfter(ballot)) {
            // A commit (or accept) above our ballot reached replicas that had not promised higher: what we
            // would write under this ballot would carry an older timestamp than the value it replaces.
            return prepare(now, out);
        }
        if (!uncertainOwn.isEmpty()) {
            if (inProgress != null && isOurs(inProgress)) {
                return propose(now, inProgress.withBallot(ballot), Purpose.OWN_COMPLETION, out);
            }
            if (current != null && isOurs(new Proposal(ballot, current))) {
                // One of our rounds was chosen and committed. Should another of them linger at a minority,
                // fixing this ballot buries it, so our write can never take effect twice.
                answerAfterFix = new PaxosOutcome.Applied();
                return uncertainOwn.size() == 1 ? finish(answerAfterFix, out) : fix(now, current, inProgress, out);
            }
            if (maxSeen.isAfter(uncertainOwn.get(0).ballot())) {
                // Something newer was chosen or accepted since; it may have completed our write first and
                // then overwritten it, and nothing kept tells us whether it did.
                return finish(new PaxosOutcome.Timeout(Phase.PROPOSE, true), out);
            }
            // Never chosen (a quorum would show it or something newer); at most a minority holds it. The next
            // proposal of ours a quorum accepts, whatever it is, makes sure it never will be.
        }
        currentAtPrepare = current;
        if (inProgress != null) {
            return propose(now, inProgress.withBallot(ballot), Purpose.COMPLETION, out);
        }
        return evaluate(now, current, out);
    }

    /** Decides on the current value: answer, fix the ballot, or write. */
    private ProposerStep evaluate(long now, Cell current, List<ProposerStep.Outbound> out) {
        byte[] value = live(current);
        if (op.isRead()) {
            return finish(new PaxosOutcome.Read(value), out);
        }
        if (!op.conditionHolds(value)) {
            if (uncertainOwn.isEmpty()) {
                // The promises alone make this answer safe: see docs/paxos.md, "failed conditions".
                return finish(new PaxosOutcome.NotApplied(value), out);
            }
            answerAfterFix = new PaxosOutcome.NotApplied(value);
            return fix(now, current, null, out);
        }
        if (current != null && current.timestamp() >= ballot.micros()) {
            // An ordinary write stamped at or after our ballot's time: ours must be newer to be visible.
            highestSeen = Ballot.max(highestSeen, new Ballot(current.timestamp(), Long.MAX_VALUE));
            return prepare(now, out);
        }
        return propose(now, new Proposal(ballot, op.newCell(ballot)), Purpose.OWN, out);
    }

    // ---- phase 2 ----

    /**
     * Fixes our ballot: once a quorum accepts a proposal at it, no proposal older than it can ever be chosen.
     * What it proposes must not change the register, and must not erase anything either: accepting it
     * replaces what those acceptors had accepted, which may be the only trace a later quorum would find of
     * a chosen value whose commit reached one replica, or of a proposal in progress. So it re-proposes the
     * in-progress proposal when there is one (as Paxos requires of any proposal), else the current cell
     * itself (the same cell, so applying it again changes nothing); a key that never had a value gets a
     * true no-op.
     */
    private ProposerStep fix(long now, Cell current, Proposal inProgress, List<ProposerStep.Outbound> out) {
        Proposal p = inProgress != null ? inProgress.withBallot(ballot) : new Proposal(ballot, current);
        return propose(now, p, Purpose.FIX, out);
    }

    private ProposerStep propose(long now, Proposal p, Purpose why, List<ProposerStep.Outbound> out) {
        stage = Stage.PROPOSING;
        proposal = p;
        purpose = why;
        accepted.clear();
        refused.clear();
        roundDeadline = now + config.roundTimeoutNanos();
        ProposeRequest request = new ProposeRequest(op.table(), op.key(), p);
        for (String r : alive) {
            out.add(new ProposerStep.Outbound(r, request));
        }
        return step(out);
    }

    public ProposerStep onAcceptResponse(String from, AcceptResponse r, long now) {
        if (stage != Stage.PROPOSING || !r.ballot().equals(proposal.ballot()) || accepted.contains(from) || refused.contains(from)) {
            return step(List.of());
        }
        highestSeen = Ballot.max(highestSeen, r.promised());
        if (r.accepted()) {
            accepted.add(from);
            return accepted.size() >= quorum ? onChosen(now) : step(List.of());
        }
        refused.add(from);
        return refused.size() > alive.size() - quorum ? onProposeLost(now) : step(List.of());
    }

    private ProposerStep onChosen(long now) {
        lastChosen = proposal;
        List<ProposerStep.Outbound> out = new ArrayList<>();
        CommitRequest commit = new CommitRequest(op.table(), op.key(), proposal);
        for (String r : alive) {
            out.add(new ProposerStep.Outbound(r, commit));
        }
        if (purpose != Purpose.OWN_COMPLETION) {
            uncertainOwn.clear(); // a later ballot of ours is chosen: our older writes never can be
        }
        switch (purpose) {
            case OWN:
            case OWN_COMPLETION:
                uncertainOwn.clear();
                if (config.commitBlockFor() == 0) {
                    return finish(new PaxosOutcome.Applied(), out);
                }
                stage = Stage.COMMITTING;
                accepted.clear();
                return step(out);
            case FIX:
                return finish(answerAfterFix, out);
            default: {
                // We completed someone else's write; the value after it is known, so a read or a failed
                // condition can answer now (our ballot is chosen), and a write starts a fresh round.
                Cell after = PaxosAcceptor.newest(currentAtPrepare, proposal.update());
                byte[] value = live(after);
                if (op.isRead()) {
                    return finish(new PaxosOutcome.Read(value), out);
                }
                if (!op.conditionHolds(value)) {
                    return finish(new PaxosOutcome.NotApplied(value), out);
                }
                return prepare(now, out);
            }
        }
    }

    private ProposerStep onProposeLost(long now) {
        if (purpose == Purpose.OWN) {
            // Even a refusal from every replica proves nothing: a duplicated or retransmitted propose may
            // have been accepted before the refused copy, and someone may complete it from there.
            uncertainOwn.add(proposal);
        }
        return retry(now, Phase.PROPOSE, new ArrayList<>());
    }

    public ProposerStep onCommitAck(String from, CommitAck ack, long now) {
        if (stage != Stage.COMMITTING || !ack.ballot().equals(proposal.ballot())) {
            return step(List.of());
        }
        accepted.add(from);
        return accepted.size() >= config.commitBlockFor() ? finish(new PaxosOutcome.Applied(), List.of()) : step(List.of());
    }

    // ---- time ----

    /** Call at (or after) the step's {@code wakeAtNanos}; early calls are harmless. */
    public ProposerStep onWake(long now) {
        if (stage == Stage.DONE || stage == Stage.NEW) {
            return step(List.of());
        }
        if (now >= deadline) {
            return finish(new PaxosOutcome.Timeout(phase(), mayHaveApplied()), List.of());
        }
        if (stage == Stage.BACKING_OFF && now >= backoffUntil) {
            return prepare(now, new ArrayList<>());
        }
        if (stage == Stage.PREPARING && now >= roundDeadline) {
            return retry(now, Phase.PREPARE, new ArrayList<>());
        }
        if (stage == Stage.PROPOSING && now >= roundDeadline) {
            return onProposeLost(now);
        }
        return step(List.of());
    }

    private ProposerStep retry(long now, Phase phase, List<ProposerStep.Outbound> out) {
        if (attempts >= config.maxAttempts()) {
            PaxosOutcome o = !uncertainOwn.isEmpty() ? new PaxosOutcome.Timeout(phase, true) : new PaxosOutcome.Contention(attempts);
            return finish(o, out);
        }
        // Randomized exponential backoff: competing proposers that keep pre-empting each other drift apart.
        long cap = config.backoffBaseNanos() << Math.min(attempts - 1, 30);
        cap = cap <= 0 ? config.backoffMaxNanos() : Math.min(cap, config.backoffMaxNanos());
        backoffUntil = now + 1 + random.nextLong(cap);
        stage = Stage.BACKING_OFF;
        return step(out);
    }

    private Phase phase() {
        switch (stage) {
            case PROPOSING: return Phase.PROPOSE;
            case COMMITTING: return Phase.COMMIT;
            default: return !uncertainOwn.isEmpty() ? Phase.PROPOSE : Phase.PREPARE;
        }
    }

    private boolean mayHaveApplied() {
        return !uncertainOwn.isEmpty() || stage == Stage.COMMITTING
                || (stage == Stage.PROPOSING && (purpose == Purpose.OWN || purpose == Purpose.OWN_COMPLETION));
    }

    private ProposerStep finish(PaxosOutcome o, List<ProposerStep.Outbound> out) {
        stage = Stage.DONE;
        outcome = o;
        return new ProposerStep(out, ProposerStep.NO_WAKE, o);
    }

    private ProposerStep step(List<ProposerStep.Outbound> out) {
        long wake = deadline;
        if (stage == Stage.PREPARING || stage == Stage.PROPOSING) {
            wake = Math.min(wake, roundDeadline);
        } else if (stage == Stage.BACKING_OFF) {
            wake = Math.min(wake, backoffUntil);
        }
        return new ProposerStep(out, stage == Stage.DONE ? ProposerStep.NO_WAKE : wake, outcome);
    }

    private byte[] live(Cell c) {
        // A cell is judged live at the ballot's time: every replica and retry judges it the same way.
        return c != null && c.isLive(ballot.micros() / 1_000_000L) ? c.value() : null;
    }

    /** Whether {@code p} writes the very cell (value and timestamp) one of our uncertain rounds proposed. */
    private boolean isOurs(Proposal p) {
        for (Proposal mine : uncertainOwn) {
            if (p.update() != null && p.update().equals(mine.update())) {
                return true;
            }
        }
        return false;
    }
}
