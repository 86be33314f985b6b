package io.stratadb.node.paxos;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.message.error.TimeoutKind;
import io.stratadb.client.ring.Murmur3Partitioner;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.Token;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.cluster.ClusterState;
import io.stratadb.node.cluster.ClusterView;
import io.stratadb.node.concurrent.BoundedStage;
import io.stratadb.node.concurrent.RequestTimer;
import io.stratadb.node.coordinator.StorageKeys;
import io.stratadb.node.errors.RequestException;
import io.stratadb.node.messaging.Message;
import io.stratadb.node.messaging.MessagingService;
import io.stratadb.node.messaging.Verb;
import io.stratadb.node.paxos.message.CommitRequest;
import io.stratadb.node.paxos.message.PrepareRequest;
import io.stratadb.node.paxos.message.ProposeRequest;
import io.stratadb.node.schema.KeyspaceMetadata;
import io.stratadb.node.schema.Schema;
import io.stratadb.storage.Clock;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Runs serial operations: finds the key's Paxos participants (every replica for SERIAL, the local
 * datacenter's for LOCAL_SERIAL) and the live ones among them, and drives a {@link PaxosProposer} over
 * internode messaging ({@link PaxosExecution}); this node's own acceptor is called directly on the Paxos
 * stage. The commit waits for as many acknowledgements as the request's ordinary consistency level needs
 * (none for ANY: the answer then comes after two round trips, the commit following on its own).
 */
public final class PaxosCoordinator {

    private final ClusterState cluster;
    private final Supplier<Schema> schema;
    private final PaxosReplica local;
    private final String localHostId;
    private final BoundedStage stage;
    private final MessagingService messaging;
    private final BallotGenerator ballots;
    private final RequestTimer timer;
    private final Clock clock;
    private final ProposerConfig base;
    private final RandomGenerator random;
    private final Murmur3Partitioner partitioner = new Murmur3Partitioner();

    public PaxosCoordinator(ClusterState cluster, Supplier<Schema> schema, PaxosReplica local, String localHostId,
                            BoundedStage stage, MessagingService messaging, BallotGenerator ballots, RequestTimer timer,
                            Clock clock, ProposerConfig base, RandomGenerator random) {
        this.cluster = cluster;
        this.schema = schema;
        this.local = local;
        this.localHostId = localHostId;
        this.stage = stage;
        this.messaging = messaging;
        this.ballots = ballots;
        this.timer = timer;
        this.clock = clock;
        this.base = base;
        this.random = random;
    }

    /**
     * Runs {@code operation(table, storageKey)} on the key. Completes with Applied, NotApplied or Read;
     * fails with a {@link RequestException} for everything else: before anything is sent when a level is
     * wrong, the keyspace unknown or too few participants are alive (UNAVAILABLE), and after when the
     * operation lost to contention (CONTENTION) or ran out of time (TIMEOUT with the Paxos phase).
     */
    public CompletableFuture<PaxosOutcome> execute(String keyspace, byte[] userKey, ConsistencyLevel serial,
                                                   ConsistencyLevel commit,
                                                   BiFunction<String, byte[], PaxosOperation> operation) {
        try {
            if (!serial.isSerial()) {
                throw RequestException.invalid("the serial consistency must be SERIAL or LOCAL_SERIAL, not " + serial);
            }
            if (!commit.isValidForWrite()) {
                throw RequestException.invalid("the commit consistency must be a write level, not " + commit);
            }
            KeyspaceMetadata ks = schema.get().keyspace(keyspace);
            if (ks == null) {
                throw RequestException.unknownKeyspace(keyspace);
            }
            StorageKeys.checkUserKey(userKey);
            long token = partitioner.tokenValue(userKey);
            ClusterView view = cluster.view();
            List<NodeInfo> natural = view.ring().replicasFor(new Token(token), ks.strategy());
            List<String> participants = new ArrayList<>();
            List<String> alive = new ArrayList<>();
            for (NodeInfo n : natural) {
                if (serial == ConsistencyLevel.LOCAL_SERIAL && !n.datacenter().equals(view.localDatacenter())) {
                    continue;
                }
                participants.add(n.id());
                if (view.isAlive(n)) {
                    alive.add(n.id());
                }
            }
            // The quorum comes from the replication factor, not from the replicas this node happens to know:
            // a node that has not yet heard of its peers (just restarted, say) must not take itself for a
            // majority. Replicas the ring does not show are counted as participants that are down.
            Map<String, Integer> rfByDc = ks.replicationByDatacenter(view.localDatacenter());
            int replicationFactor = serial == ConsistencyLevel.LOCAL_SERIAL
                    ? rfByDc.getOrDefault(view.localDatacenter(), 0)
                    : rfByDc.values().stream().mapToInt(Integer::intValue).sum();
            for (int missing = 0; participants.size() < replicationFactor; missing++) {
                participants.add("(replica not in this node's ring #" + missing + ")");
            }
            if (participants.isEmpty()) {
                throw RequestException.unavailable(serial, 1, 0);
            }
            int commitBlockFor = commit == ConsistencyLevel.ANY ? 0
                    : commit.blockFor(ks.replicationByDatacenter(view.localDatacenter()), view.localDatacenter());
            PaxosOperation op = operation.apply(ks.table(), StorageKeys.of(token, userKey));
            PaxosProposer proposer = new PaxosProposer(op, participants, alive, ballots,
                    base.withCommitBlockFor(Math.min(commitBlockFor, participants.size())), random);
            int size = participants.size();
            return new PaxosExecution(proposer, (replica, request) -> send(view, replica, request), timer, clock).start()
                    .thenApply(outcome -> {
                        RequestException error = errorOf(outcome, serial, commit, size);
                        if (error != null) {
                            throw error;
                        }
                        return outcome;
                    });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<Object> send(ClusterView view, String replica, Object request) {
        if (replica.equals(localHostId)) {
            return stage.submit(() -> applyLocally(request));
        }
        Endpoint to = view.internodeById().get(replica);
        if (to == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no address for " + replica));
        }
        Duration timeout = Duration.ofNanos(base.roundTimeoutNanos());
        return messaging.request(to, Message.of(verbOf(request), request), timeout)
                .thenApply(r -> r.message().payload());
    }

    private Object applyLocally(Object request) {
        if (request instanceof PrepareRequest r) {
            return local.prepare(r);
        }
        if (request instanceof ProposeRequest r) {
            return local.propose(r);
        }
        return local.commit((CommitRequest) request);
    }

    private static Verb verbOf(Object request) {
        if (request instanceof PrepareRequest) {
            return Verb.PAXOS_PREPARE;
        }
        if (request instanceof ProposeRequest) {
            return Verb.PAXOS_PROPOSE;
        }
        return Verb.PAXOS_COMMIT;
    }

    /** The client's error for an outcome that is not an answer, or null for Applied, NotApplied and Read. */
    static RequestException errorOf(PaxosOutcome outcome, ConsistencyLevel serial, ConsistencyLevel commit,
                                           int participants) {
        if (outcome instanceof PaxosOutcome.Unavailable u) {
            return RequestException.unavailable(serial, u.required(), u.alive());
        }
        if (outcome instanceof PaxosOutcome.Contention c) {
            return RequestException.contention("gave up after " + c.attempts() + " Paxos rounds lost to competing "
                    + "operations on the same key; retry later");
        }
        if (outcome instanceof PaxosOutcome.Timeout t) {
            TimeoutKind kind = switch (t.phase()) {
                case PREPARE -> TimeoutKind.PREPARE;
                case PROPOSE -> TimeoutKind.PROPOSE;
                case COMMIT -> TimeoutKind.COMMIT;
            };
            ConsistencyLevel cl = t.phase() == PaxosOutcome.Phase.COMMIT ? commit : serial;
            return RequestException.timeout(cl, kind, 0, participants / 2 + 1);
        }
        return null;
    }
}
