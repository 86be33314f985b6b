package io.stratadb.node.schema;

import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An immutable snapshot of every keyspace. Requests read the current snapshot without locks; a schema
 * change builds a new one. {@link #version()} is a digest of the definitions, the same on every node
 * holding the same schema: gossip will compare it to find nodes that disagree.
 */
public final class Schema {

    private final SortedMap<String, KeyspaceMetadata> keyspaces;
    private final UUID version;

    public Schema(Collection<KeyspaceMetadata> keyspaces) {
        TreeMap<String, KeyspaceMetadata> byName = new TreeMap<>();
        for (KeyspaceMetadata ks : keyspaces) {
            if (byName.put(ks.name(), ks) != null) {
                throw new IllegalArgumentException("keyspace " + ks.name() + " listed twice");
            }
        }
        this.keyspaces = Collections.unmodifiableSortedMap(byName);
        this.version = digest(byName);
    }

    public static Schema empty() {
        return new Schema(List.of());
    }

    /** The keyspace with this name, or null. */
    public KeyspaceMetadata keyspace(String name) {
        return keyspaces.get(name);
    }

    /** Whether some keyspace stores its data in {@code table}; replicas refuse writes to unknown tables. */
    public boolean hasTable(String table) {
        for (KeyspaceMetadata ks : keyspaces.values()) {
            if (ks.table().equals(table)) {
                return true;
            }
        }
        return false;
    }

    /** Every keyspace, by name. */
    public Collection<KeyspaceMetadata> keyspaces() {
        return keyspaces.values();
    }

    public List<KeyspaceDefinition> definitions() {
        List<KeyspaceDefinition> out = new ArrayList<>(keyspaces.size());
        keyspaces.values().forEach(k -> out.add(k.definition()));
        return out;
    }

    public UUID version() {
        return version;
    }

    public Schema with(KeyspaceMetadata ks) {
        TreeMap<String, KeyspaceMetadata> copy = new TreeMap<>(keyspaces);
        copy.put(ks.name(), ks);
        return new Schema(copy.values());
    }

    public Schema without(String name) {
        TreeMap<String, KeyspaceMetadata> copy = new TreeMap<>(keyspaces);
        copy.remove(name);
        return new Schema(copy.values());
    }

    /** A name-based UUID over the stored form of every keyspace, in name order. */
    private static UUID digest(SortedMap<String, KeyspaceMetadata> byName) {
        StringBuilder sb = new StringBuilder();
        byName.forEach((name, ks) -> {
            sb.append(name).append('\u0000');
            for (byte b : KeyspaceRecordCodec.encode(ks)) {
                sb.append(String.format("%02x", b));
            }
            sb.append('\n');
        });
        return UUID.nameUUIDFromBytes(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Schema[" + keyspaces.keySet() + ", version " + version + "]";
    }
}
