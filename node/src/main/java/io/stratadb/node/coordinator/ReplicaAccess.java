package io.stratadb.node.coordinator;

import io.stratadb.client.ring.NodeInfo;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.engine.ScanResult;

import java.util.concurrent.CompletableFuture;

/**
 * How the coordinator reaches one replica's storage. Today only this node is reachable
 * ({@link LocalReplicaAccess}); the cluster adds an implementation that sends remote replicas a message
 * and serves the local one directly. Keys here are storage keys ({@link StorageKeys}).
 */
public interface ReplicaAccess {

    CompletableFuture<Void> apply(NodeInfo replica, Mutation mutation);

    /** The replica's newest version of the key, tombstones included; null if it has none. */
    CompletableFuture<Cell> read(NodeInfo replica, String table, byte[] storageKey);

    CompletableFuture<ScanResult> scan(NodeInfo replica, String table, byte[] startExclusive, int limit);
}
