package io.stratadb.node.coordinator;

import io.stratadb.client.ring.NodeInfo;
import io.stratadb.node.concurrent.BoundedStage;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.engine.CachedRead;
import io.stratadb.storage.engine.ScanResult;
import io.stratadb.storage.engine.StorageEngine;

import java.util.concurrent.CompletableFuture;

/**
 * This node's own storage as a replica. Writes go through {@link StorageEngine#applyAsync}, which never
 * blocks (the future completes when the commit log made the write durable). A read the engine can answer
 * from memory is answered on the calling thread; other reads and all scans may touch disk, so they run on
 * the read stage, whose full queue fails them before they start. The replica
 * verb handlers use the same methods for requests from other coordinators.
 */
public final class LocalReplicaAccess implements ReplicaAccess {

    private final String localHostId;
    private final StorageEngine engine;
    private final BoundedStage readStage;

    public LocalReplicaAccess(String localHostId, StorageEngine engine, BoundedStage readStage) {
        this.localHostId = localHostId;
        this.engine = engine;
        this.readStage = readStage;
    }

    @Override
    public CompletableFuture<Void> apply(NodeInfo replica, Mutation mutation) {
        CompletableFuture<Void> remote = refuseRemote(replica);
        return remote != null ? remote : apply(mutation);
    }

    @Override
    public CompletableFuture<Cell> read(NodeInfo replica, String table, byte[] storageKey) {
        CompletableFuture<Cell> remote = refuseRemote(replica);
        return remote != null ? remote : read(table, storageKey);
    }

    @Override
    public CompletableFuture<byte[]> digest(NodeInfo replica, String table, byte[] storageKey) {
        CompletableFuture<byte[]> remote = refuseRemote(replica);
        return remote != null ? remote : read(table, storageKey).thenApply(CellDigest::of);
    }

    @Override
    public CompletableFuture<ScanResult> scan(NodeInfo replica, String table, byte[] startExclusive,
                                              byte[] endExclusive, int limit) {
        CompletableFuture<ScanResult> remote = refuseRemote(replica);
        return remote != null ? remote : scan(table, startExclusive, endExclusive, limit);
    }

    public CompletableFuture<Void> apply(Mutation mutation) {
        return engine.applyAsync(mutation);
    }

    /**
     * Answered at once when the engine finds the key without I/O (memtable or cached blocks), which
     * saves two thread hand-offs on the common hot read; otherwise on the read stage.
     */
    public CompletableFuture<Cell> read(String table, byte[] storageKey) {
        CachedRead cached;
        try {
            cached = engine.getCellIfCached(table, storageKey);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e); // as the stage would have failed it
        }
        if (cached.isComplete()) {
            return CompletableFuture.completedFuture(cached.cell());
        }
        return readStage.submit(() -> engine.getCell(table, storageKey));
    }

    public CompletableFuture<ScanResult> scan(String table, byte[] startExclusive, byte[] endExclusive, int limit) {
        return readStage.submit(() -> BoundedScan.scan(engine, table, startExclusive, endExclusive, limit));
    }

    public boolean isLocal(NodeInfo replica) {
        return replica.id().equals(localHostId);
    }

    private <T> CompletableFuture<T> refuseRemote(NodeInfo replica) {
        if (isLocal(replica)) {
            return null;
        }
        return CompletableFuture.failedFuture(new IllegalStateException(
                "replica " + replica + " is another node; LocalReplicaAccess serves this node only"));
    }
}
