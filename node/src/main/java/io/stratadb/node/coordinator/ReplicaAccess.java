package io.stratadb.node.coordinator;

import io.stratadb.client.ring.NodeInfo;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.engine.ScanResult;

import java.util.concurrent.CompletableFuture;

/**
 * How the coordinator reaches one replica's storage: {@link LocalReplicaAccess} serves this node,
 * {@link MessagingReplicaAccess} sends the others a message. Keys here are storage keys ({@link StorageKeys}).
 */
public interface ReplicaAccess {

    CompletableFuture<Void> apply(NodeInfo replica, Mutation mutation);

    /** The replica's newest version of the key, tombstones included; null if it has none. */
    CompletableFuture<Cell> read(NodeInfo replica, String table, byte[] storageKey);

    /** {@link CellDigest#of} the replica's newest version of the key: a read that sends no value back. */
    CompletableFuture<byte[]> digest(NodeInfo replica, String table, byte[] storageKey);

    /**
     * Up to {@code limit} entries after {@code startExclusive} (null: from the start) and not past
     * {@code endExclusive} (null: to the end); the next-page key is null once the bound is reached.
     */
    CompletableFuture<ScanResult> scan(NodeInfo replica, String table, byte[] startExclusive, byte[] endExclusive,
                                       int limit);
}
