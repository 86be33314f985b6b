package io.stratadb.node.paxos;

import io.stratadb.node.paxos.message.AcceptResponse;
import io.stratadb.node.paxos.message.CommitAck;
import io.stratadb.node.paxos.message.CommitRequest;
import io.stratadb.node.paxos.message.PrepareRequest;
import io.stratadb.node.paxos.message.PromiseResponse;
import io.stratadb.node.paxos.message.ProposeRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drives one {@link PaxosProposer} against real {@link PaxosReplica}s by hand: a test says which of the
 * pending messages reach which replicas, and when; answers come straight back. This is how the unit tests
 * build exact interleavings.
 */
final class ProposerDriver {

    private final PaxosProposer proposer;
    private final Replicas replicas;
    private final List<ProposerStep.Outbound> pending = new ArrayList<>();
    private long now;
    private long wakeAt = ProposerStep.NO_WAKE;
    private int rounds;

    /** Three replicas r1..r3 sharing stores across restarts. */
    static final class Replicas {
        final List<String> names = List.of("r1", "r2", "r3");
        final InMemoryPaxosStateStore[] stores = {new InMemoryPaxosStateStore(), new InMemoryPaxosStateStore(), new InMemoryPaxosStateStore()};
        final InMemoryDataTable[] data = {new InMemoryDataTable(), new InMemoryDataTable(), new InMemoryDataTable()};
        final PaxosReplica[] replicas = {new PaxosReplica(stores[0], data[0]), new PaxosReplica(stores[1], data[1]),
                new PaxosReplica(stores[2], data[2])};

        PaxosReplica get(String name) {
            return replicas[names.indexOf(name)];
        }

        InMemoryDataTable data(String name) {
            return data[names.indexOf(name)];
        }

        Object handle(String name, Object message) {
            PaxosReplica r = get(name);
            if (message instanceof PrepareRequest p) {
                return r.prepare(p);
            } else if (message instanceof ProposeRequest p) {
                return r.propose(p);
            }
            return r.commit((CommitRequest) message);
        }
    }

    ProposerDriver(PaxosProposer proposer, Replicas replicas, long startNanos) {
        this.proposer = proposer;
        this.replicas = replicas;
        this.now = startNanos;
        take(proposer.start(now));
    }

    /** Delivers every pending message addressed to one of {@code to}, feeding each answer back at once. */
    ProposerDriver deliver(String... to) {
        Set<String> targets = new HashSet<>(Arrays.asList(to));
        List<ProposerStep.Outbound> batch = new ArrayList<>(pending);
        pending.clear();
        rounds++;
        for (ProposerStep.Outbound o : batch) {
            if (!targets.contains(o.replica())) {
                pending.add(o);
                continue;
            }
            Object response = replicas.handle(o.replica(), o.message());
            if (proposer.outcome() != null && !(response instanceof CommitAck)) {
                continue;
            }
            if (response instanceof PromiseResponse p) {
                take(proposer.onPromise(o.replica(), p, now));
            } else if (response instanceof AcceptResponse a) {
                take(proposer.onAcceptResponse(o.replica(), a, now));
            } else {
                take(proposer.onCommitAck(o.replica(), (CommitAck) response, now));
            }
        }
        return this;
    }

    ProposerDriver deliverAll() {
        return deliver("r1", "r2", "r3");
    }

    /** Removes (loses) the pending messages addressed to {@code to}, returning them for late delivery. */
    List<ProposerStep.Outbound> hold(String... to) {
        Set<String> targets = new HashSet<>(Arrays.asList(to));
        List<ProposerStep.Outbound> held = new ArrayList<>();
        pending.removeIf(o -> targets.contains(o.replica()) && held.add(o));
        return held;
    }

    /** Moves time to the proposer's next wake-up and calls it. */
    ProposerDriver wake() {
        now = Math.max(now, wakeAt);
        take(proposer.onWake(now));
        return this;
    }

    /** Wakes until the proposer sends something or finishes (through backoff). */
    ProposerDriver wakeUntilItSends() {
        for (int i = 0; i < 100 && pending.isEmpty() && proposer.outcome() == null; i++) {
            wake();
        }
        return this;
    }

    /** Delivers to {@code to} and wakes through backoffs until the proposer has an outcome. */
    ProposerDriver runUntilDone(String... to) {
        Set<String> targets = new HashSet<>(Arrays.asList(to));
        for (int i = 0; i < 200 && proposer.outcome() == null; i++) {
            if (pending.stream().anyMatch(o -> targets.contains(o.replica()))) {
                deliver(to);
            } else {
                wake();
            }
        }
        return this;
    }

    List<ProposerStep.Outbound> pending() {
        return pending;
    }

    /** The kinds of the pending messages, e.g. [PrepareRequest, PrepareRequest]. */
    List<String> pendingKinds() {
        List<String> out = new ArrayList<>();
        pending.forEach(o -> out.add(o.message().getClass().getSimpleName()));
        return out;
    }

    PaxosOutcome outcome() {
        return proposer.outcome();
    }

    int rounds() {
        return rounds;
    }

    long now() {
        return now;
    }

    long wakeAt() {
        return wakeAt;
    }

    private void take(ProposerStep step) {
        pending.addAll(step.messages());
        wakeAt = step.wakeAtNanos();
    }
}
