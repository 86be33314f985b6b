package io.stratadb.node.coordinator;

import io.stratadb.client.ring.NodeInfo;
import io.stratadb.node.concurrent.BoundedStage;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.engine.ScanResult;
import io.stratadb.storage.engine.StorageEngine;

import java.util.concurrent.CompletableFuture;

/**
 * This node's own storage as a replica. Writes go through {@link StorageEngine#applyAsync}, which never
 * blocks (the future completes when the commit log made the write durable); reads and scans may touch
 * disk, so they run on the read stage, whose full queue fails them before they start.
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
        return remote != null ? remote : engine.applyAsync(mutation);
    }

    @Override
    public CompletableFuture<Cell> read(NodeInfo replica, String table, byte[] storageKey) {
        CompletableFuture<Cell> remote = refuseRemote(replica);
        return remote != null ? remote : readStage.submit(() -> engine.getCell(table, storageKey));
    }

    @Override
    public CompletableFuture<ScanResult> scan(NodeInfo replica, String table, byte[] startExclusive, int limit) {
        CompletableFuture<ScanResult> remote = refuseRemote(replica);
        return remote != null ? remote : readStage.submit(() -> engine.scan(table, startExclusive, limit));
    }

    private <T> CompletableFuture<T> refuseRemote(NodeInfo replica) {
        if (replica.id().equals(localHostId)) {
            return null;
        }
        return CompletableFuture.failedFuture(new IllegalStateException(
                "replica " + replica + " is another node, and this node has no internode messaging yet"));
    }
}
