package io.stratadb.node.schema;

import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.storage.CorruptionException;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The value of a {@code system_schema} row (key: the keyspace name in UTF-8). Big-endian:
 *
 * <pre>
 * u8  format version (1)
 * u16 table name length, table name (UTF-8)
 * u8  strategy: 1 simple, 2 network-topology
 *     simple:           i32 replication factor
 *     network-topology: u16 datacenter count, then per datacenter: u16 length, name (UTF-8), i32 factor
 * </pre>
 *
 * docs/operations.md ("System tables") describes the same layout; change both together and add a version.
 */
public final class KeyspaceRecordCodec {

    static final int VERSION_1 = 1;
    private static final int SIMPLE = 1;
    private static final int NETWORK_TOPOLOGY = 2;

    private KeyspaceRecordCodec() {
    }

    public static byte[] encode(KeyspaceMetadata ks) {
        byte[] table = ks.table().getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = ByteBuffer.allocate(4 + table.length + sizeOf(ks.replication()));
        out.put((byte) VERSION_1);
        putString(out, ks.table());
        if (ks.replication() instanceof ReplicationSettings.Simple s) {
            out.put((byte) SIMPLE).putInt(s.replicationFactor());
        } else {
            Map<String, Integer> byDc = ((ReplicationSettings.NetworkTopology) ks.replication()).replicationByDatacenter();
            out.put((byte) NETWORK_TOPOLOGY).putShort((short) byDc.size());
            byDc.forEach((dc, rf) -> {
                putString(out, dc);
                out.putInt(rf);
            });
        }
        byte[] result = new byte[out.position()];
        out.flip().get(result);
        return result;
    }

    /** Decodes a row; a row that does not parse is corruption of the system table, named by {@code where}. */
    public static KeyspaceMetadata decode(String name, byte[] value, Path where) {
        try {
            ByteBuffer in = ByteBuffer.wrap(value);
            int version = in.get() & 0xFF;
            if (version != VERSION_1) {
                throw new CorruptionException(where, 0, "keyspace " + name + " stored in unknown format version " + version);
            }
            String table = getString(in);
            int strategy = in.get() & 0xFF;
            ReplicationSettings replication;
            if (strategy == SIMPLE) {
                replication = new ReplicationSettings.Simple(in.getInt());
            } else if (strategy == NETWORK_TOPOLOGY) {
                int count = in.getShort() & 0xFFFF;
                Map<String, Integer> byDc = new TreeMap<>();
                for (int i = 0; i < count; i++) {
                    byDc.put(getString(in), in.getInt());
                }
                replication = new ReplicationSettings.NetworkTopology(byDc);
            } else {
                throw new CorruptionException(where, 0, "keyspace " + name + " has unknown strategy " + strategy);
            }
            if (in.hasRemaining()) {
                throw new CorruptionException(where, 0, "keyspace " + name + " has " + in.remaining() + " trailing bytes");
            }
            return new KeyspaceMetadata(new KeyspaceDefinition(name, replication), table);
        } catch (BufferUnderflowException | IllegalArgumentException e) {
            throw new CorruptionException(where, 0, "keyspace " + name + " record is malformed (" + e + ")");
        }
    }

    private static int sizeOf(ReplicationSettings r) {
        if (!(r instanceof ReplicationSettings.NetworkTopology n)) {
            return 4;
        }
        int size = 2;
        for (String dc : n.replicationByDatacenter().keySet()) {
            size += 2 + dc.getBytes(StandardCharsets.UTF_8).length + 4;
        }
        return size;
    }

    private static void putString(ByteBuffer out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.putShort((short) b.length).put(b);
    }

    private static String getString(ByteBuffer in) {
        byte[] b = new byte[in.getShort() & 0xFFFF];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
