package io.stratadb.node.paxos;

import java.util.concurrent.CompletableFuture;
import io.stratadb.storage.Cell;

/**
 * The acceptor's view of the key's ordinary data: a promise reports the current cell from it (so the read
 * rides on the prepare) and a commit writes the chosen cell into it, where ordinary reads see it.
 */
public interface PaxosDataTable {

    /** The key's newest cell, tombstones included, or null. */
    Cell read(String table, byte[] key);

    /** Writes a cell (last-write-wins against what is there). */
    void apply(String table, byte[] key, Cell cell);

    /**
     * Starts the same write and completes when it is done, so a caller can overlap it with another durable
     * write (one group commit for both). The default writes at once.
     */
    default CompletableFuture<Void> applyAsync(String table, byte[] key, Cell cell) {
        apply(table, key, cell);
        return CompletableFuture.completedFuture(null);
    }
}
