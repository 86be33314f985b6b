package io.stratadb.node.schema;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.node.coordinator.MonotonicTimestampSource;
import io.stratadb.node.errors.RequestException;
import io.stratadb.storage.Clock;
import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.engine.StorageEngine;
import io.stratadb.storage.io.LocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaTest {

    @TempDir
    Path dir;

    private static KeyspaceMetadata ks(String name, ReplicationSettings r, String table) {
        return new KeyspaceMetadata(new KeyspaceDefinition(name, r), table);
    }

    @Test
    void recordsRoundTrip() {
        for (KeyspaceMetadata k : List.of(ks("a", new ReplicationSettings.Simple(3), "a_1"),
                ks("b", new ReplicationSettings.NetworkTopology(Map.of("dc1", 3, "dc2", 0, "ünïcode", 2)), "b_zz"))) {
            assertEquals(k, KeyspaceRecordCodec.decode(k.name(), KeyspaceRecordCodec.encode(k), dir));
        }
    }

    @Test
    void malformedRecordsAreCorruption() {
        byte[] good = KeyspaceRecordCodec.encode(ks("a", new ReplicationSettings.Simple(3), "a_1"));
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 1);
        assertThrows(CorruptionException.class, () -> KeyspaceRecordCodec.decode("a", truncated, dir));
        byte[] badVersion = good.clone();
        badVersion[0] = 9;
        assertThrows(CorruptionException.class, () -> KeyspaceRecordCodec.decode("a", badVersion, dir));
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
        assertThrows(CorruptionException.class, () -> KeyspaceRecordCodec.decode("a", trailing, dir));
    }

    @Test
    void theVersionDependsOnTheDefinitionsOnly() {
        Schema one = new Schema(List.of(ks("a", new ReplicationSettings.Simple(1), "a_1"),
                ks("b", new ReplicationSettings.Simple(2), "b_1")));
        Schema sameOtherOrder = new Schema(List.of(ks("b", new ReplicationSettings.Simple(2), "b_1"),
                ks("a", new ReplicationSettings.Simple(1), "a_1")));
        assertEquals(one.version(), sameOtherOrder.version());
        assertNotEquals(one.version(), one.without("b").version());
        assertNotEquals(one.version(), one.with(ks("b", new ReplicationSettings.Simple(3), "b_1")).version());
        assertEquals(Schema.empty().version(), one.without("a").without("b").version());
    }

    @Test
    void createAndDropAreDurable() {
        KeyspaceDefinition def = new KeyspaceDefinition("users", new ReplicationSettings.Simple(3));
        String table;
        try (StorageEngine engine = open()) {
            SchemaStore store = SchemaStore.load(engine, new MonotonicTimestampSource(Clock.system()), Clock.system());
            assertTrue(store.create(def, false));
            assertFalse(store.create(def, true));
            assertEquals(ErrorCode.ALREADY_EXISTS,
                    assertThrows(RequestException.class, () -> store.create(def, false)).code());
            table = store.current().keyspace("users").table();
            assertTrue(table.startsWith("users_") && table.length() <= 64, table);
            assertTrue(store.create(new KeyspaceDefinition("gone", new ReplicationSettings.Simple(1)), false));
            assertTrue(store.drop("gone", false));
            assertFalse(store.drop("gone", true));
        }
        try (StorageEngine engine = open()) {
            SchemaStore store = SchemaStore.load(engine, new MonotonicTimestampSource(Clock.system()), Clock.system());
            assertEquals(def, store.current().keyspace("users").definition());
            assertEquals(table, store.current().keyspace("users").table());
            assertNull(store.current().keyspace("gone"));
        }
    }

    @Test
    void tablesNoKeyspaceRefersToAreDeletedAtStart() {
        try (StorageEngine engine = open()) {
            engine.put("orphan_123", new byte[] {1}, new byte[] {2}, 1);
            SchemaStore store = SchemaStore.load(engine, new MonotonicTimestampSource(Clock.system()), Clock.system());
            store.create(new KeyspaceDefinition("kept", new ReplicationSettings.Simple(1)), false);
            String kept = store.current().keyspace("kept").table();
            engine.put(kept, new byte[] {1}, new byte[] {2}, 1);
            store.dropOrphanTables();
            assertFalse(engine.tables().contains("orphan_123"));
            assertTrue(engine.tables().contains(kept));
            assertTrue(engine.tables().contains(SystemTables.SCHEMA));
        }
    }

    @Test
    void namesAndReplicationAreChecked() {
        for (String bad : List.of("", "a-b", "a b", "x".repeat(49), "system", "System_x", "é")) {
            assertEquals(ErrorCode.INVALID_REQUEST,
                    assertThrows(RequestException.class, () -> KeyspaceNames.checkCreatable(bad)).code(), bad);
        }
        KeyspaceNames.checkCreatable("Users_2");
        for (ReplicationSettings bad : List.<ReplicationSettings>of(new ReplicationSettings.Simple(0),
                new ReplicationSettings.Simple(65), new ReplicationSettings.NetworkTopology(Map.of()),
                new ReplicationSettings.NetworkTopology(Map.of("dc1", 0)),
                new ReplicationSettings.NetworkTopology(Map.of(" ", 1)))) {
            assertThrows(RequestException.class, () -> ReplicationRules.check(bad), bad.toString());
        }
    }

    private StorageEngine open() {
        return StorageEngine.open(StorageConfig.builder(dir).segmentSize(2 << 20).build(), new LocalFileSystem(),
                Clock.system(), new MetricRegistry());
    }
}
