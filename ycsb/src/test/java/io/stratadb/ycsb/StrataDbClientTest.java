package io.stratadb.ycsb;

import io.stratadb.node.StrataNode;
import io.stratadb.node.config.NodeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import site.ycsb.ByteIterator;
import site.ycsb.Status;
import site.ycsb.StringByteIterator;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.Vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The binding against a real node in this JVM: every YCSB operation, as the YCSB client calls them. */
class StrataDbClientTest {

    @TempDir
    Path dir;

    private StrataNode node;
    private StrataDbClient db;

    @BeforeEach
    void start() throws Exception {
        node = new StrataNode(NodeConfig.builder().listenAddress("127.0.0.1").clientPort(0).internodePort(0)
                .dataDirectory(dir).commitLogSegmentSizeMb(4).memtableFlushThresholdMb(4).blockCacheMb(8)
                .indexCacheMb(4).build());
        node.start();
        db = new StrataDbClient();
        Properties p = new Properties();
        p.setProperty("strata.hosts", "127.0.0.1:" + node.clientAddress().getPort());
        p.setProperty("strata.keyspace", "ycsb_test");
        db.setProperties(p);
        db.init();
    }

    @AfterEach
    void stop() {
        db.cleanup();
        node.close();
    }

    private static Map<String, ByteIterator> fields(String... kv) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return StringByteIterator.getByteIteratorMap(m);
    }

    @Test
    void insertReadUpdateScanDelete() {
        assertEquals(Status.OK, db.insert("usertable", "user1", fields("field0", "a", "field1", "b")));
        assertEquals(Status.OK, db.insert("usertable", "user2", fields("field0", "c", "field1", "d")));

        Map<String, ByteIterator> all = new HashMap<>();
        assertEquals(Status.OK, db.read("usertable", "user1", null, all));
        assertEquals(Map.of("field0", "a", "field1", "b"), StringByteIterator.getStringMap(all));

        Map<String, ByteIterator> one = new HashMap<>();
        assertEquals(Status.OK, db.read("usertable", "user1", Set.of("field1"), one));
        assertEquals(Map.of("field1", "b"), StringByteIterator.getStringMap(one));

        assertEquals(Status.OK, db.update("usertable", "user1", fields("field1", "B")));
        Map<String, ByteIterator> updated = new HashMap<>();
        db.read("usertable", "user1", null, updated);
        assertEquals(Map.of("field0", "a", "field1", "B"), StringByteIterator.getStringMap(updated),
                "a partial update keeps the other fields");

        // Scans follow ring order: after the key with the lower token comes the other one.
        io.stratadb.client.ring.Murmur3Partitioner partitioner = new io.stratadb.client.ring.Murmur3Partitioner();
        boolean user1First = partitioner.tokenValue("user1".getBytes()) < partitioner.tokenValue("user2".getBytes());
        Vector<HashMap<String, ByteIterator>> rows = new Vector<>();
        assertEquals(Status.OK, db.scan("usertable", user1First ? "user1" : "user2", 10, null, rows));
        assertEquals(1, rows.size());
        assertEquals(user1First ? "c" : "a", rows.get(0).get("field0").toString());

        assertEquals(Status.OK, db.delete("usertable", "user1"));
        assertEquals(Status.NOT_FOUND, db.read("usertable", "user1", null, new HashMap<>()));
        assertEquals(Status.NOT_FOUND, db.read("usertable", "never", null, new HashMap<>()));
    }

    @Test
    void recordCodecRoundTripsBinaryFields() {
        Map<String, byte[]> in = new java.util.LinkedHashMap<>();
        in.put("f", new byte[] {0, (byte) 0xff, 7});
        in.put("é", new byte[0]);
        Map<String, byte[]> out = RecordCodec.decode(RecordCodec.encode(in));
        assertEquals(in.keySet(), out.keySet());
        assertTrue(java.util.Arrays.equals(in.get("f"), out.get("f")));
        assertFalse(out.get("é").length > 0);
    }
}
