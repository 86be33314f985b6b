package io.stratadb.node.paxos;

import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.engine.StorageEngine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.LongSupplier;

/**
 * Paxos state in the storage engine's {@value #TABLE} system table, one row per (table, key):
 * row key = u16 table-name length, table name (UTF-8), key bytes; row value = {@link PaxosStateCodec}.
 * Saves go through {@link StorageEngine#applySynced}, so they are on disk before the acceptor answers
 * whatever the commit-log sync mode.
 *
 * <p>Rows are ordinary last-write-wins cells, so every save must carry a timestamp above the row's
 * previous one, or a clock that stepped back (say across a restart) would let an older state win and
 * the acceptor would forget a promise. Callers serialize saves per key ({@link PaxosReplica} does).
 */
public final class StoragePaxosStateStore implements PaxosStateStore {

    /** Starts with {@code system_}, a prefix user keyspaces cannot have. */
    public static final String TABLE = "system_paxos";

    private final StorageEngine engine;
    private final LongSupplier clockMicros;

    public StoragePaxosStateStore(StorageEngine engine, LongSupplier clockMicros) {
        this.engine = engine;
        this.clockMicros = clockMicros;
    }

    @Override
    public PaxosState load(String table, byte[] key) {
        Cell c = engine.getCell(TABLE, rowKey(table, key));
        if (c == null || c.isTombstone()) {
            return PaxosState.EMPTY;
        }
        return PaxosStateCodec.decode(c.value(), engine.config().dataDirectory().resolve(TABLE));
    }

    @Override
    public void save(String table, byte[] key, PaxosState state) {
        byte[] row = rowKey(table, key);
        Cell previous = engine.getCell(TABLE, row);
        long timestamp = clockMicros.getAsLong();
        if (previous != null && previous.timestamp() >= timestamp) {
            timestamp = previous.timestamp() + 1;
        }
        engine.applySynced(new Mutation(TABLE, row, Cell.value(PaxosStateCodec.encode(state), timestamp)));
    }

    static byte[] rowKey(String table, byte[] key) {
        byte[] name = table.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(2 + name.length + key.length).putShort((short) name.length).put(name).put(key).array();
    }
}
