package io.stratadb.node.coordinator;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.message.error.TimeoutKind;
import io.stratadb.client.ring.Murmur3Partitioner;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.node.cluster.ClusterState;
import io.stratadb.node.cluster.ClusterView;
import io.stratadb.node.concurrent.RequestTimer;
import io.stratadb.node.errors.RequestException;
import io.stratadb.node.schema.KeyspaceMetadata;
import io.stratadb.node.schema.Schema;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Clock;
import io.stratadb.storage.Mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The coordinator: resolves the keyspace, hashes the key to its token, plans the replicas from the current
 * {@link ClusterView} (UNAVAILABLE up front if too few are alive, before anything is sent), and hands the
 * request to a {@link WriteExecution}, {@link ReadExecution} or {@link RangeScan}. Nothing here knows
 * whether a replica is this node or another one: {@link ReplicaAccess} hides that.
 */
public final class ReplicaCoordinator implements Coordinator {

    private final ClusterState cluster;
    private final Supplier<Schema> schema;
    private final ReplicaAccess replicas;
    private final HintSink hints;
    private final RequestTimer timer;
    private final Clock clock;
    private final SpeculationThreshold speculation;
    private final long readTimeoutMillis;
    private final long writeTimeoutMillis;
    private final Murmur3Partitioner partitioner = new Murmur3Partitioner();

    public ReplicaCoordinator(ClusterState cluster, Supplier<Schema> schema, ReplicaAccess replicas, HintSink hints,
                              RequestTimer timer, Clock clock, long readTimeoutMillis, long writeTimeoutMillis) {
        this.cluster = cluster;
        this.schema = schema;
        this.replicas = replicas;
        this.hints = hints;
        this.timer = timer;
        this.clock = clock;
        this.speculation = new SpeculationThreshold(clock);
        this.readTimeoutMillis = readTimeoutMillis;
        this.writeTimeoutMillis = writeTimeoutMillis;
    }

    @Override
    public CompletableFuture<Cell> read(ReadCommand c) {
        try {
            KeyspaceMetadata ks = keyspace(c.keyspace());
            StorageKeys.checkUserKey(c.key());
            long token = partitioner.tokenValue(c.key());
            ClusterView view = cluster.view();
            ReplicaPlan plan = ReplicaPlanner.forRead(view, ks, token, c.consistency());
            AckTracker acks = AckTracker.of(plan, view.localDatacenter(),
                    ks.replicationByDatacenter(view.localDatacenter()));
            return ReadExecution.run(plan, acks, spare(view, plan), ks.table(), StorageKeys.of(token, c.key()), replicas,
                    speculation, timer, readTimeoutMillis,
                    received -> RequestException.timeout(c.consistency(), TimeoutKind.READ, received, plan.blockFor()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> write(WriteCommand c) {
        try {
            KeyspaceMetadata ks = keyspace(c.keyspace());
            StorageKeys.checkUserKey(c.key());
            long token = partitioner.tokenValue(c.key());
            ClusterView view = cluster.view();
            ReplicaPlan plan = ReplicaPlanner.forWrite(view, ks, token, c.consistency());
            Mutation m = new Mutation(ks.table(), StorageKeys.of(token, c.key()), c.cell());
            AckTracker acks = AckTracker.of(plan, view.localDatacenter(),
                    ks.replicationByDatacenter(view.localDatacenter()));
            return WriteExecution.run(view, plan, acks, m, replicas, hints, timer, writeTimeoutMillis,
                    received -> RequestException.timeout(c.consistency(), TimeoutKind.WRITE, received, plan.blockFor()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<ScanPage> scan(ScanCommand c) {
        try {
            KeyspaceMetadata ks = keyspace(c.keyspace());
            return new RangeScan(cluster.view(), ks, c.consistency(), c.limit(), replicas, timer, readTimeoutMillis,
                    clock.currentTimeSeconds()).run(c.startAfter());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Live replicas a read did not contact, allowed to take a speculative or replacement read. */
    private static List<NodeInfo> spare(ClusterView view, ReplicaPlan plan) {
        List<NodeInfo> out = new ArrayList<>();
        for (NodeInfo n : plan.live()) {
            boolean local = !plan.consistency().isDatacenterLocal() || n.datacenter().equals(view.localDatacenter());
            if (!plan.contacts().contains(n) && local && plan.consistency() != ConsistencyLevel.EACH_QUORUM) {
                out.add(n);
            }
        }
        return out;
    }

    private KeyspaceMetadata keyspace(String name) {
        KeyspaceMetadata ks = schema.get().keyspace(name);
        if (ks == null) {
            throw RequestException.unknownKeyspace(name);
        }
        return ks;
    }
}
