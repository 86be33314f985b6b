package io.stratadb.node.cluster;

import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.TokenAllocator;
import io.stratadb.client.ring.TokenRing;
import io.stratadb.node.config.ConfigException;
import io.stratadb.node.coordinator.TimestampSource;
import io.stratadb.node.schema.SystemTables;
import io.stratadb.storage.Cell;
import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.engine.StorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Loads this node's {@link LocalIdentity} from {@code system_local}, or creates and stores one when the
 * data directory is new. Rows (keys are ASCII):
 *
 * <pre>
 * host_id       UTF-8 UUID string
 * cluster_name  UTF-8
 * tokens        u8 format version (1), i32 count, count x i64 token (big-endian)
 * generation    i64 big-endian: the gossip generation of the last start
 * </pre>
 *
 * Refuses to start when the configuration contradicts what the directory holds: another cluster's name,
 * or a different {@code num_tokens} (tokens cannot change without moving data).
 */
public final class LocalIdentityStore {

    private static final Logger log = LoggerFactory.getLogger(LocalIdentityStore.class);
    private static final byte[] HOST_ID = ascii("host_id");
    private static final byte[] CLUSTER_NAME = ascii("cluster_name");
    private static final byte[] TOKENS = ascii("tokens");
    private static final byte[] GENERATION = ascii("generation");
    private static final int TOKENS_VERSION_1 = 1;

    private final StorageEngine engine;
    private final TimestampSource timestamps;

    public LocalIdentityStore(StorageEngine engine, TimestampSource timestamps) {
        this.engine = engine;
        this.timestamps = timestamps;
    }

    /** Whether this data directory already belongs to a node (it has a host id). */
    public boolean exists() {
        return engine.get(SystemTables.LOCAL, HOST_ID) != null;
    }

    /**
     * The gossip generation for this start: the wall-clock second, or one above the last start's if the
     * clock went back, stored durably before use so the next start can go above it. Peers ignore gossip
     * from a generation not above the one they know, so a generation must never repeat.
     */
    public long nextGeneration(long wallMillis) {
        byte[] stored = engine.get(SystemTables.LOCAL, GENERATION);
        long previous = stored != null && stored.length == 8 ? ByteBuffer.wrap(stored).getLong() : 0;
        long generation = Math.max(wallMillis / 1000L, previous + 1);
        put(GENERATION, ByteBuffer.allocate(8).putLong(generation).array());
        return generation;
    }

    /**
     * The stored identity, or a new one: a random host id and {@code numTokens} tokens allocated against
     * {@code ring} (empty for a node alone; the cluster will pass the ring it learnt from its seeds).
     */
    public LocalIdentity loadOrCreate(String clusterName, int numTokens, String datacenter, String rack, TokenRing ring) {
        LocalIdentity stored = load(clusterName, numTokens);
        return stored != null ? stored
                : create(UUID.randomUUID().toString(), clusterName, numTokens, datacenter, rack, ring);
    }

    /**
     * The stored identity, or null when the directory is new. Refuses a directory of another cluster or
     * with another token count.
     */
    public LocalIdentity load(String clusterName, int numTokens) {
        byte[] hostId = engine.get(SystemTables.LOCAL, HOST_ID);
        if (hostId == null) {
            return null;
        }
        String storedCluster = text(engine.get(SystemTables.LOCAL, CLUSTER_NAME));
        if (!clusterName.equals(storedCluster)) {
            throw new ConfigException("cluster_name", "is '" + clusterName + "' but the data directory belongs to cluster '"
                    + storedCluster + "'");
        }
        byte[] tokenBytes = engine.get(SystemTables.LOCAL, TOKENS);
        if (tokenBytes == null) {
            throw new CorruptionException(engine.config().dataDirectory(), 0, "system_local has a host id but no tokens");
        }
        List<Long> tokens = decodeTokens(tokenBytes);
        if (tokens.size() != numTokens) {
            throw new ConfigException("num_tokens", "is " + numTokens + " but this node owns " + tokens.size()
                    + " tokens; a node's token count cannot change (start a new node with a new data directory)");
        }
        return new LocalIdentity(text(hostId), clusterName, tokens);
    }

    /**
     * Makes and stores a new identity: {@code hostId} and {@code numTokens} tokens allocated against
     * {@code ring} (empty for a node alone; a node joining a cluster passes the ring it learnt by gossip).
     */
    public LocalIdentity create(String hostId, String clusterName, int numTokens, String datacenter, String rack,
                                TokenRing ring) {
        NodeInfo self = new NodeInfo(hostId, new InetSocketAddress(0), datacenter, rack);
        List<Long> tokens = new TokenAllocator(new SplittableRandom()).allocate(ring, self, numTokens);
        // Tokens and cluster name first, host id last: a crash in between leaves no host id, so the next
        // start allocates afresh instead of finding a half-written identity.
        put(TOKENS, encodeTokens(tokens));
        put(CLUSTER_NAME, clusterName.getBytes(StandardCharsets.UTF_8));
        put(HOST_ID, ascii(hostId));
        log.info("New node: host id {}, {} tokens allocated against a ring of {} node(s)", hostId, tokens.size(),
                ring.nodes().size());
        return new LocalIdentity(hostId, clusterName, tokens);
    }

    private void put(byte[] key, byte[] value) {
        engine.apply(new Mutation(SystemTables.LOCAL, key, Cell.value(value, timestamps.nextTimestampMicros())));
    }

    static byte[] encodeTokens(List<Long> tokens) {
        ByteBuffer b = ByteBuffer.allocate(5 + 8 * tokens.size());
        b.put((byte) TOKENS_VERSION_1).putInt(tokens.size());
        tokens.forEach(b::putLong);
        return b.array();
    }

    private List<Long> decodeTokens(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length < 5 || b.get() != TOKENS_VERSION_1) {
            throw new CorruptionException(engine.config().dataDirectory(), 0, "system_local tokens row has an unknown format");
        }
        int count = b.getInt();
        if (count < 0 || b.remaining() != 8L * count) {
            throw new CorruptionException(engine.config().dataDirectory(), 0, "system_local tokens row is malformed");
        }
        List<Long> tokens = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            tokens.add(b.getLong());
        }
        return tokens;
    }

    private static String text(byte[] b) {
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
