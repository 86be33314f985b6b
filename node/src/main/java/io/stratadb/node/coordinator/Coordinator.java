package io.stratadb.node.coordinator;

import io.stratadb.storage.Cell;

import java.util.concurrent.CompletableFuture;

/**
 * Runs a data request against the replicas that own it, as the coordinator for the client. Every data
 * request handler goes through this and nothing else, so the cluster can replace the implementation
 * (internode messaging, hints, read repair) without touching request handling.
 *
 * <p>Futures never block the caller and fail with a {@link io.stratadb.node.errors.RequestException}
 * carrying the protocol error: UNKNOWN_KEYSPACE, INVALID_REQUEST, UNAVAILABLE (decided before any replica
 * was contacted), OVERLOADED (nothing started), TIMEOUT; or with a storage exception for
 * {@link io.stratadb.node.errors.ErrorMapper} to map.
 */
public interface Coordinator {

    /**
     * The newest version of the key among the replicas that answered: a value, an expiring value or a
     * tombstone (whether it is live is the caller's to judge at its own "now"), or null if none has it.
     */
    CompletableFuture<Cell> read(ReadCommand command);

    /** Completes once enough replicas acknowledged the write (durably, per their commit-log mode). */
    CompletableFuture<Void> write(WriteCommand command);

    /** One page of live rows in ring order. */
    CompletableFuture<ScanPage> scan(ScanCommand command);
}
