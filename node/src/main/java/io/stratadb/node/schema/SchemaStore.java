package io.stratadb.node.schema;

import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.node.coordinator.TimestampSource;
import io.stratadb.node.errors.RequestException;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Clock;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.engine.KeyCell;
import io.stratadb.storage.engine.ScanResult;
import io.stratadb.storage.engine.StorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The durable schema: keyspace definitions kept in the {@code system_schema} table of the storage engine
 * and the current {@link Schema} snapshot built from them. Changes are written (and fsynced, in group
 * mode) before they are published, so a keyspace a client was told exists survives a crash.
 *
 * <p>Changes block on the disk: callers run them on the schema stage, one at a time, never on an event
 * loop. The methods are also synchronized so that two changes can never interleave.
 */
public final class SchemaStore {

    private static final Logger log = LoggerFactory.getLogger(SchemaStore.class);
    private static final int LOAD_PAGE = 1000;

    private final StorageEngine engine;
    private final TimestampSource timestamps;
    private final Clock clock;
    private volatile Schema current;
    private volatile Consumer<Schema> onLocalChange = schema -> { };

    private SchemaStore(StorageEngine engine, TimestampSource timestamps, Clock clock, Schema loaded) {
        this.engine = engine;
        this.timestamps = timestamps;
        this.clock = clock;
        this.current = loaded;
    }

    /** Reads every keyspace definition from the engine. */
    public static SchemaStore load(StorageEngine engine, TimestampSource timestamps, Clock clock) {
        List<KeyspaceMetadata> keyspaces = new ArrayList<>();
        Path where = engine.config().dataDirectory().resolve(SystemTables.SCHEMA);
        byte[] after = null;
        do {
            ScanResult page = engine.scan(SystemTables.SCHEMA, after, LOAD_PAGE);
            for (KeyCell kc : page.entries()) {
                String name = new String(kc.key(), StandardCharsets.UTF_8);
                keyspaces.add(KeyspaceRecordCodec.decode(name, kc.cell().value(), where));
            }
            after = page.nextPageKey();
        } while (after != null);
        return new SchemaStore(engine, timestamps, clock, new Schema(keyspaces));
    }

    public Schema current() {
        return current;
    }

    /**
     * Called after each create or drop made on this node, on the caller's thread (the schema stage), before
     * the request is answered: the cluster pushes the change to its peers there.
     */
    public void onLocalChange(Consumer<Schema> listener) {
        this.onLocalChange = listener;
    }

    /** Every schema row, dropped keyspaces' tombstones included: what a peer needs to converge with us. */
    public synchronized List<KeyCell> rows() {
        List<KeyCell> out = new ArrayList<>();
        byte[] after = null;
        do {
            ScanResult page = engine.scan(SystemTables.SCHEMA, after, LOAD_PAGE, true);
            out.addAll(page.entries());
            after = page.nextPageKey();
        } while (after != null);
        return out;
    }

    /**
     * Merges a peer's schema rows: each row is applied as a write, so per keyspace the newest definition or
     * drop wins on every node (last write wins, like data). Keyspaces the merge drops lose their table.
     * Returns true if this node's schema changed.
     */
    public synchronized boolean merge(List<KeyCell> peerRows) {
        for (KeyCell kc : peerRows) {
            engine.apply(new Mutation(SystemTables.SCHEMA, kc.key(), kc.cell()));
        }
        Schema before = current;
        Schema after = load(engine, timestamps, clock).current;
        if (after.version().equals(before.version())) {
            return false;
        }
        current = after;
        for (KeyspaceMetadata old : before.keyspaces()) {
            KeyspaceMetadata now = after.keyspace(old.name());
            if (now == null || !now.table().equals(old.table())) {
                engine.dropTable(old.table());
            }
        }
        log.info("Schema merged from a peer: {} keyspace(s), version {}", after.keyspaces().size(), after.version());
        return true;
    }

    /**
     * Creates a keyspace. Returns false if it exists and {@code ifNotExists}; otherwise an existing one is
     * ALREADY_EXISTS. Bad names and replication are INVALID_REQUEST, checked before anything is written.
     */
    public boolean create(KeyspaceDefinition definition, boolean ifNotExists) {
        boolean created = createLocked(definition, ifNotExists);
        if (created) {
            // Outside the lock: pushing waits for peers, whose own pushes may need this store meanwhile.
            onLocalChange.accept(current);
        }
        return created;
    }

    private synchronized boolean createLocked(KeyspaceDefinition definition, boolean ifNotExists) {
        KeyspaceNames.checkCreatable(definition.name());
        ReplicationRules.check(definition.replication());
        if (current.keyspace(definition.name()) != null) {
            if (ifNotExists) {
                return false;
            }
            throw RequestException.alreadyExists(definition.name());
        }
        KeyspaceMetadata ks = new KeyspaceMetadata(definition, newTableName(definition.name()));
        engine.apply(new Mutation(SystemTables.SCHEMA, key(ks.name()),
                Cell.value(KeyspaceRecordCodec.encode(ks), timestamps.nextTimestampMicros())));
        current = current.with(ks);
        log.info("Created keyspace {} ({}, table {}); schema version {}", ks.name(), ks.replication(), ks.table(),
                current.version());
        return true;
    }

    /**
     * Drops a keyspace and deletes its data. Returns false if it does not exist and {@code ifExists};
     * otherwise a missing one is UNKNOWN_KEYSPACE.
     */
    public boolean drop(String name, boolean ifExists) {
        boolean dropped = dropLocked(name, ifExists);
        if (dropped) {
            onLocalChange.accept(current);
        }
        return dropped;
    }

    private synchronized boolean dropLocked(String name, boolean ifExists) {
        KeyspaceMetadata ks = current.keyspace(name);
        if (ks == null) {
            if (ifExists) {
                return false;
            }
            throw RequestException.unknownKeyspace(name);
        }
        engine.apply(new Mutation(SystemTables.SCHEMA, key(name),
                Cell.tombstone(timestamps.nextTimestampMicros(), (int) clock.currentTimeSeconds())));
        current = current.without(name);
        // Writes that were already past the schema lookup may still land in the old table after this;
        // the table name is never reused and dropOrphanTables removes what they leave at the next start.
        engine.dropTable(ks.table());
        log.info("Dropped keyspace {} (table {}); schema version {}", name, ks.table(), current.version());
        return true;
    }

    /**
     * Deletes tables no keyspace refers to: left by a crash between dropping a keyspace and deleting its
     * table, or by writes that landed after the drop. Run at start-up, before serving.
     */
    public synchronized void dropOrphanTables() {
        Set<String> live = new HashSet<>();
        current.keyspaces().forEach(k -> live.add(k.table()));
        for (String table : engine.tables()) {
            if (!SystemTables.isSystem(table) && !live.contains(table)) {
                log.info("Deleting table {}: no keyspace refers to it", table);
                engine.dropTable(table);
            }
        }
    }

    private static byte[] key(String keyspace) {
        return keyspace.getBytes(StandardCharsets.UTF_8);
    }

    /** {@code <name>_<random id in base 36>}: at most 48 + 1 + 13 characters, within the engine's 64. */
    private static String newTableName(String keyspace) {
        long id = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
        return keyspace + "_" + Long.toString(id, 36);
    }
}
