package io.stratadb.node.paxos;

import io.stratadb.storage.Cell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A replica's data table in a map, with last-write-wins like the storage engine. {@link #loseWritesSince}
 * models a crash in PERIODIC commit-log mode, which loses the writes of the last sync interval.
 */
final class InMemoryDataTable implements PaxosDataTable {

    private record Write(long at, String id, Cell cell) {
    }

    private final List<Write> log = new ArrayList<>();
    private Map<String, Cell> cells = new HashMap<>();
    private long now;

    void setTime(long nanos) {
        now = nanos;
    }

    @Override
    public Cell read(String table, byte[] key) {
        return cells.get(id(table, key));
    }

    @Override
    public void apply(String table, byte[] key, Cell cell) {
        String id = id(table, key);
        log.add(new Write(now, id, cell));
        cells.merge(id, cell, Cell::reconcile);
    }

    /** Forgets every write applied at or after {@code since}, as a crash before their fsync would. */
    void loseWritesSince(long since) {
        log.removeIf(w -> w.at() >= since);
        cells = new HashMap<>();
        for (Write w : log) {
            cells.merge(w.id(), w.cell(), Cell::reconcile);
        }
    }

    private static String id(String table, byte[] key) {
        return table + "/" + HexFormat.of().formatHex(key);
    }
}
