package io.stratadb.node.paxos;

import java.util.concurrent.CompletableFuture;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.engine.StorageEngine;

/**
 * The data table is the storage engine itself. Commits use the ordinary {@code apply} (synced per the
 * commit-log mode): the committed value is also in the synced Paxos state, so losing this write in a
 * crash loses nothing a promise would report.
 */
public final class StoragePaxosDataTable implements PaxosDataTable {

    private final StorageEngine engine;

    public StoragePaxosDataTable(StorageEngine engine) {
        this.engine = engine;
    }

    @Override
    public Cell read(String table, byte[] key) {
        return engine.getCell(table, key);
    }

    @Override
    public void apply(String table, byte[] key, Cell cell) {
        engine.apply(new Mutation(table, key, cell));
    }

    @Override
    public CompletableFuture<Void> applyAsync(String table, byte[] key, Cell cell) {
        return engine.applyAsync(new Mutation(table, key, cell));
    }
}
