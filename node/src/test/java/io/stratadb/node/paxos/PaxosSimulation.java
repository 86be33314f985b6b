package io.stratadb.node.paxos;

import io.stratadb.node.paxos.message.AcceptResponse;
import io.stratadb.node.paxos.message.CommitAck;
import io.stratadb.node.paxos.message.CommitRequest;
import io.stratadb.node.paxos.message.PrepareRequest;
import io.stratadb.node.paxos.message.PromiseResponse;
import io.stratadb.node.paxos.message.ProposeRequest;
import io.stratadb.node.testing.linearizability.History;
import io.stratadb.node.testing.linearizability.OpKind;
import io.stratadb.node.testing.linearizability.Outcome;
import io.stratadb.storage.Cell;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A deterministic simulation of per-key Paxos: three or five acceptors ({@link PaxosReplica} over in-memory stores),
 * several clients each running one {@link PaxosProposer} at a time, and a network that drops, delays,
 * duplicates and reorders messages, while acceptors crash and restart (their Paxos state survives through
 * the store, their data table loses its last unsynced writes). Time is virtual; everything follows from the
 * seed. It records a {@link History} for the linearizability checker.
 */
final class PaxosSimulation {

    static final String TABLE = "t";
    private static final long MS = 1_000_000L;
    private static final long EPOCH_MICROS = 1_700_000_000_000_000L;

    /** Knobs of one run. */
    record Settings(int replicas, int clients, int opsPerClient, int keys, double drop, double duplicate,
                    boolean crashes, int commitBlockFor) {
    }

    /** Counts of what the clients were told, to see the run did something. */
    record Stats(int applied, int notApplied, int reads, int unknown, int failed, int abandoned) {
    }

    private final Random random;
    /** -Dpaxos.sim.trace=true prints every delivery, to follow a failing seed. */
    private final boolean trace = Boolean.getBoolean("paxos.sim.trace");
    private final Settings settings;
    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private final Map<String, PaxosStateStore> stores = new HashMap<>();
    private final Map<String, InMemoryDataTable> data = new HashMap<>();
    private final Map<String, PaxosReplica> up = new HashMap<>();
    private final Supplier<PaxosStateStore> storeFactory;
    private final List<Client> clients = new ArrayList<>();
    private final List<String> replicaNames = new ArrayList<>();
    private final History history = new History();
    private long now;
    private long seq;
    private int applied;
    private int notApplied;
    private int reads;
    private int unknown;
    private int failed;
    private int abandoned;

    PaxosSimulation(long seed, Settings settings, Supplier<PaxosStateStore> storeFactory) {
        this.random = new Random(seed);
        this.settings = settings;
        this.storeFactory = storeFactory;
    }

    History history() {
        return history;
    }

    Stats stats() {
        return new Stats(applied, notApplied, reads, unknown, failed, abandoned);
    }

    /** Runs until every client has finished its operations. */
    PaxosSimulation run() {
        for (int i = 1; i <= settings.replicas(); i++) {
            replicaNames.add("r" + i);
        }
        for (String r : replicaNames) {
            stores.put(r, storeFactory.get());
            data.put(r, new InMemoryDataTable());
            up.put(r, new PaxosReplica(stores.get(r), data.get(r)));
        }
        for (int i = 0; i < settings.clients(); i++) {
            // Clients 2k and 2k+1 go through the same coordinator node: its proposers share one generator.
            BallotGenerator node = i % 2 == 1 ? clients.get(i - 1).ballots : nodeGenerator(i / 2 + 1, random.nextInt(4000) - 2000);
            Client c = new Client("c" + i, node);
            clients.add(c);
            schedule(random.nextInt(2000) * 1000L, c::next);
        }
        if (settings.crashes()) {
            schedule(5 * MS + random.nextInt(20) * MS, this::crashOne);
        }
        while (!events.isEmpty() && clients.stream().anyMatch(c -> c.remaining > 0 || c.proposer != null)) {
            Event e = events.poll();
            now = e.at;
            e.action.run();
        }
        return this;
    }

    // ---- acceptors ----

    private void crashOne() {
        List<String> candidates = new ArrayList<>(up.keySet());
        if (candidates.size() > 1 || (candidates.size() == 1 && random.nextInt(4) == 0)) { // now and then two are down
            String victim = candidates.get(random.nextInt(candidates.size()));
            up.remove(victim);
            if (trace) {
                System.out.println(now + " CRASH " + victim);
            }
            // A PERIODIC commit log loses up to an interval of data writes; the Paxos state was synced.
            data.get(victim).loseWritesSince(now - random.nextInt(5) * MS);
            if (stores.get(victim) instanceof CrashAware ca) {
                ca.crashed();
            }
            schedule(now + 2 * MS + random.nextInt(30) * MS, () -> up.put(victim, new PaxosReplica(stores.get(victim), data.get(victim))));
        }
        schedule(now + 5 * MS + random.nextInt(40) * MS, this::crashOne);
    }

    /** A store that models losing state on a crash (a deliberately broken one, to prove the test bites). */
    interface CrashAware {
        void crashed();
    }

    private void deliverToReplica(String replica, Client from, long opSeq, Object message) {
        PaxosReplica r = up.get(replica);
        if (r == null) {
            return; // down: the message is lost
        }
        data.get(replica).setTime(now);
        if (trace) {
            System.out.println(now + " " + from.name + "#" + opSeq + " -> " + replica + ": " + describe(message));
        }
        Object response;
        if (message instanceof PrepareRequest p) {
            response = r.prepare(p);
        } else if (message instanceof ProposeRequest p) {
            response = r.propose(p);
        } else {
            response = r.commit((CommitRequest) message);
        }
        send(() -> from.receive(replica, opSeq, response));
    }

    // ---- network ----

    private void send(Runnable delivery) {
        if (random.nextDouble() < settings.drop()) {
            return;
        }
        int copies = random.nextDouble() < settings.duplicate() ? 2 : 1;
        for (int i = 0; i < copies; i++) {
            long delay = 50_000L + random.nextInt(2000) * 1000L;
            if (random.nextInt(10) == 0) {
                delay += random.nextInt(30) * MS; // a slow path: reorders with later messages
            }
            schedule(now + delay, delivery);
        }
    }

    private void schedule(long at, Runnable action) {
        events.add(new Event(at, seq++, action));
    }

    private record Event(long at, long seq, Runnable action) implements Comparable<Event> {
        @Override
        public int compareTo(Event o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    // ---- clients ----

    /**
     * A coordinator node's ballots. Clocks disagree by up to 2 ms: ballots from a node whose clock runs
     * behind still must win once they have been raised above what acceptors report.
     */
    private BallotGenerator nodeGenerator(long nodeId, long skewMicros) {
        return new BallotGenerator(() -> EPOCH_MICROS + now / 1000 + skewMicros, nodeId);
    }

    private final class Client {
        final String name;
        final BallotGenerator ballots;
        final SplittableRandom backoffRandom;
        int remaining = settings.opsPerClient();
        int written;
        long opSeq;
        PaxosProposer proposer;
        int handle;
        final Map<String, String> lastSeen = new HashMap<>();

        Client(String name, BallotGenerator ballots) {
            this.name = name;
            this.ballots = ballots;
            this.backoffRandom = new SplittableRandom(random.nextLong());
        }

        void next() {
            if (remaining == 0) {
                return;
            }
            remaining--;
            opSeq++;
            String key = "k" + random.nextInt(settings.keys());
            String seen = lastSeen.get(key);
            String value = name + "." + written++;
            PaxosOperation op;
            OpKind kind;
            String expected = null;
            String writes = null;
            int dice = random.nextInt(10);
            if (dice < 3) {
                kind = OpKind.CAS;
                expected = seen != null && random.nextInt(5) > 0 ? seen : "nothing";
                writes = value;
                op = PaxosOperation.cas(TABLE, bytes(key), bytes(expected), bytes(value));
            } else if (dice < 5) {
                kind = OpKind.PUT_IF_ABSENT;
                writes = value;
                op = PaxosOperation.putIfAbsent(TABLE, bytes(key), bytes(value));
            } else if (dice < 6) {
                kind = OpKind.DELETE_IF;
                expected = seen != null ? seen : "nothing";
                op = PaxosOperation.deleteIf(TABLE, bytes(key), bytes(expected));
            } else if (dice < 7) {
                kind = OpKind.SERIAL_PUT;
                writes = value;
                op = PaxosOperation.serialPut(TABLE, bytes(key), bytes(value));
            } else {
                kind = OpKind.SERIAL_READ;
                op = PaxosOperation.serialRead(TABLE, bytes(key));
            }
            handle = history.invoke(name, key, kind, expected, writes, now);
            ProposerConfig config = new ProposerConfig(300 * MS, 25 * MS, 8, MS, 20 * MS, settings.commitBlockFor());
            // Half the time the coordinator knows which replicas are down (a failure detector), half the
            // time it sends to all three.
            List<String> alive = random.nextBoolean() ? replicaNames : replicaNames.stream().filter(up::containsKey).toList();
            proposer = new PaxosProposer(op, replicaNames, alive, ballots, config, backoffRandom);
            if (random.nextInt(25) == 0) {
                // The coordinator dies mid-operation: its messages in flight still arrive, its client
                // gets no answer (unknown), and someone else must cope with what it left behind.
                long thisOp = opSeq;
                schedule(now + random.nextInt(8000) * 1000L, () -> {
                    if (thisOp == opSeq && proposer != null) {
                        abandoned++;
                        history.unknown(handle);
                        proposer = null;
                        schedule(now + random.nextInt(3000) * 1000L, this::next);
                    }
                });
            }
            handle(proposer.start(now));
        }

        void receive(String replica, long forOp, Object response) {
            if (forOp != opSeq || proposer == null) {
                return; // an answer to an operation already finished
            }
            if (trace) {
                System.out.println(now + " " + replica + " -> " + name + "#" + forOp + ": " + describe(response));
            }
            if (response instanceof PromiseResponse p) {
                handle(proposer.onPromise(replica, p, now));
            } else if (response instanceof AcceptResponse a) {
                handle(proposer.onAcceptResponse(replica, a, now));
            } else {
                handle(proposer.onCommitAck(replica, (CommitAck) response, now));
            }
        }

        void handle(ProposerStep step) {
            long forOp = opSeq;
            for (ProposerStep.Outbound o : step.messages()) {
                send(() -> deliverToReplica(o.replica(), this, forOp, o.message()));
            }
            if (step.isDone()) {
                if (trace) {
                    System.out.println(now + " " + name + "#" + forOp + " " + proposer.operation() + " DONE " + step.outcome());
                }
                record(step.outcome());
                proposer = null;
                schedule(now + random.nextInt(3000) * 1000L, this::next);
            } else if (step.wakeAtNanos() != ProposerStep.NO_WAKE) {
                schedule(Math.max(now, step.wakeAtNanos()), () -> {
                    if (forOp == opSeq && proposer != null) {
                        handle(proposer.onWake(now));
                    }
                });
            }
        }

        void record(PaxosOutcome o) {
            if (o instanceof PaxosOutcome.Applied) {
                applied++;
                history.complete(handle, Outcome.applied(), now);
            } else if (o instanceof PaxosOutcome.NotApplied n) {
                notApplied++;
                history.complete(handle, Outcome.notApplied(string(n.current())), now);
            } else if (o instanceof PaxosOutcome.Read r) {
                reads++;
                history.complete(handle, Outcome.read(string(r.value())), now);
            } else if (o.mayHaveApplied()) {
                unknown++;
                history.unknown(handle);
            } else {
                failed++;
                history.failed(handle);
            }
            rememberSeen(o);
        }

        private void rememberSeen(PaxosOutcome o) {
            PaxosOperation op = proposer.operation();
            String key = new String(op.key(), StandardCharsets.UTF_8);
            if (o instanceof PaxosOutcome.Applied) {
                lastSeen.put(key, op.kind() == PaxosOperation.Kind.DELETE_IF ? null : string(op.value()));
            } else if (o instanceof PaxosOutcome.NotApplied n) {
                lastSeen.put(key, string(n.current()));
            } else if (o instanceof PaxosOutcome.Read r) {
                lastSeen.put(key, string(r.value()));
            }
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String string(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    static String describe(Cell c) {
        return c == null ? "-" : (c.isTombstone() ? "DEL" : string(c.value())) + "@" + c.timestamp() % 10_000_000_000L;
    }

    static String describe(Ballot b) {
        return b.isNone() ? "none" : (b.micros() % 10_000_000_000L) + "/" + b.nodeId();
    }

    static String describe(Proposal p) {
        return p == null ? "-" : "(" + describe(p.ballot()) + " " + describe(p.update()) + ")";
    }

    /** Messages with their values spelled out, for traces. */
    static String describe(Object m) {
        if (m instanceof PrepareRequest p) {
            return "PREPARE " + describe(p.ballot());
        } else if (m instanceof ProposeRequest p) {
            return "PROPOSE " + describe(p.proposal());
        } else if (m instanceof CommitRequest c) {
            return "COMMIT " + describe(c.proposal());
        } else if (m instanceof PromiseResponse p) {
            return (p.promised() ? "PROMISE " : "REFUSE ") + describe(p.ballot()) + " promised=" + describe(p.promisedBallot())
                    + " inProgress=" + describe(p.inProgress()) + " committed=" + describe(p.committed()) + " current=" + describe(p.current());
        } else if (m instanceof AcceptResponse a) {
            return (a.accepted() ? "ACCEPTED " : "REJECTED ") + describe(a.ballot()) + " promised=" + describe(a.promised());
        } else if (m instanceof CommitAck a) {
            return "COMMIT-ACK " + describe(a.ballot());
        }
        return String.valueOf(m);
    }
}
