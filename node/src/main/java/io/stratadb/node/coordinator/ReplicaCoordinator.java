package io.stratadb.node.coordinator;

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
import io.stratadb.storage.Mutation;
import io.stratadb.storage.engine.KeyCell;
import io.stratadb.storage.engine.ScanResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The coordinator: resolves the keyspace, hashes the key to its token, plans the replicas from the current
 * {@link ClusterView} (UNAVAILABLE up front if too few are alive), sends to them through
 * {@link ReplicaAccess} and answers once {@code blockFor} of them did, or TIMEOUT. Nothing here knows
 * whether a replica is this node or another one, so the cluster only has to provide a ring with more
 * nodes and a {@link ReplicaAccess} that can reach them.
 *
 * <p>Scans are the exception for now: they read one replica's table from the requested position, which
 * is the whole ring only when one node holds every range. The cluster issue must split a scan by token
 * range (storage keys are in token order, so a range is a contiguous run of keys).
 */
public final class ReplicaCoordinator implements Coordinator {

    private final ClusterState cluster;
    private final Supplier<Schema> schema;
    private final ReplicaAccess replicas;
    private final RequestTimer timer;
    private final long readTimeoutMillis;
    private final long writeTimeoutMillis;
    private final Murmur3Partitioner partitioner = new Murmur3Partitioner();

    public ReplicaCoordinator(ClusterState cluster, Supplier<Schema> schema, ReplicaAccess replicas, RequestTimer timer,
                              long readTimeoutMillis, long writeTimeoutMillis) {
        this.cluster = cluster;
        this.schema = schema;
        this.replicas = replicas;
        this.timer = timer;
        this.readTimeoutMillis = readTimeoutMillis;
        this.writeTimeoutMillis = writeTimeoutMillis;
    }

    @Override
    public CompletableFuture<Cell> read(ReadCommand c) {
        try {
            KeyspaceMetadata ks = keyspace(c.keyspace());
            StorageKeys.checkUserKey(c.key());
            long token = partitioner.tokenValue(c.key());
            ReplicaPlan plan = ReplicaPlanner.forRead(cluster.view(), ks, token, c.consistency());
            byte[] storageKey = StorageKeys.of(token, c.key());
            ResponseCollector<Cell> answers = new ResponseCollector<>(plan.blockFor(), plan.contacts().size(), timer,
                    readTimeoutMillis, received -> RequestException.timeout(c.consistency(), TimeoutKind.READ, received,
                    plan.blockFor()));
            for (NodeInfo replica : plan.contacts()) {
                abandonOnFailure(answers, replicas.read(replica, ks.table(), storageKey)).whenComplete(answers::accept);
            }
            return answers.result().thenApply(ReplicaCoordinator::newest);
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
            ReplicaPlan plan = ReplicaPlanner.forWrite(cluster.view(), ks, token, c.consistency());
            Mutation m = new Mutation(ks.table(), StorageKeys.of(token, c.key()), c.cell());
            ResponseCollector<Void> acks = new ResponseCollector<>(plan.blockFor(), plan.contacts().size(), timer,
                    writeTimeoutMillis, received -> RequestException.timeout(c.consistency(), TimeoutKind.WRITE, received,
                    plan.blockFor()));
            for (NodeInfo replica : plan.contacts()) {
                replicas.apply(replica, m).whenComplete(acks::accept);
            }
            return acks.result().thenApply(ignored -> null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<ScanPage> scan(ScanCommand c) {
        try {
            KeyspaceMetadata ks = keyspace(c.keyspace());
            byte[] start = null;
            long token = Long.MIN_VALUE + 1;
            if (c.startAfter() != null) {
                StorageKeys.checkUserKey(c.startAfter());
                token = partitioner.tokenValue(c.startAfter());
                start = StorageKeys.of(token, c.startAfter());
            }
            ClusterView view = cluster.view();
            ReplicaPlan plan = ReplicaPlanner.forRead(view, ks, token, c.consistency());
            ResponseCollector<ScanResult> answers = new ResponseCollector<>(1, 1, timer, readTimeoutMillis,
                    received -> RequestException.timeout(c.consistency(), TimeoutKind.READ, received, plan.blockFor()));
            abandonOnFailure(answers, replicas.scan(plan.contacts().get(0), ks.table(), start, c.limit()))
                    .whenComplete(answers::accept);
            return answers.result().thenApply(pages -> toPage(pages.get(0)));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Once the request has failed (timed out), nobody wants this replica's answer: cancelling its future
     * lets a read still queued on the read stage be skipped instead of run.
     */
    private static <T> CompletableFuture<T> abandonOnFailure(ResponseCollector<?> answers, CompletableFuture<T> reply) {
        answers.result().whenComplete((ignored, failure) -> {
            if (failure != null) {
                reply.cancel(false);
            }
        });
        return reply;
    }

    private KeyspaceMetadata keyspace(String name) {
        KeyspaceMetadata ks = schema.get().keyspace(name);
        if (ks == null) {
            throw RequestException.unknownKeyspace(name);
        }
        return ks;
    }

    private static Cell newest(List<Cell> cells) {
        Cell best = null;
        for (Cell c : cells) {
            if (c != null) {
                best = best == null ? c : Cell.reconcile(best, c);
            }
        }
        return best;
    }

    private static ScanPage toPage(ScanResult result) {
        List<ScanPage.Row> rows = new ArrayList<>(result.entries().size());
        for (KeyCell kc : result.entries()) {
            rows.add(new ScanPage.Row(StorageKeys.userKey(kc.key()), kc.cell()));
        }
        byte[] next = result.nextPageKey() == null ? null : StorageKeys.userKey(result.nextPageKey());
        return new ScanPage(rows, next);
    }
}
