package io.stratadb.node;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.message.data.DeleteRequest;
import io.stratadb.client.protocol.message.data.DeleteResult;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.client.protocol.message.data.KeyedValue;
import io.stratadb.client.protocol.message.data.MultiGetRequest;
import io.stratadb.client.protocol.message.data.MultiGetResult;
import io.stratadb.client.protocol.message.data.PutRequest;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.data.Row;
import io.stratadb.client.protocol.message.data.ScanRequest;
import io.stratadb.client.protocol.message.data.ScanResult;
import io.stratadb.client.protocol.handshake.Compression;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceResult;
import io.stratadb.client.ring.Murmur3Partitioner;
import io.stratadb.node.testing.ManualClock;
import io.stratadb.node.testing.ProtocolClient;
import io.stratadb.node.testing.TestNodes;
import io.stratadb.storage.io.LocalFileSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static io.stratadb.node.testing.Requests.bytes;
import static io.stratadb.node.testing.Requests.createKeyspace;
import static io.stratadb.node.testing.Requests.get;
import static io.stratadb.node.testing.Requests.put;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every data operation's round trip over a real socket, against one node with a manual clock. */
class DataOperationsTest {

    private static final long START_MICROS = 1_767_225_600_000_000L;

    @TempDir
    static Path dir;
    static ManualClock clock;
    static StrataNode node;
    static ProtocolClient client;

    @BeforeAll
    static void start() throws IOException {
        clock = new ManualClock(START_MICROS);
        node = new StrataNode(TestNodes.config(dir).build(), new NodeEnvironment(clock, new LocalFileSystem()));
        node.start();
        client = ProtocolClient.connect(node.clientAddress());
        assertTrue(client.expect(createKeyspace("data", 1), CreateKeyspaceResult.class).created());
    }

    @AfterAll
    static void stop() throws IOException {
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void putThenGetReturnsTheValueAndTheTimestampApplied() throws IOException {
        PutResult put = client.expect(put("data", "k1", "v1"), PutResult.class);
        GetResult got = client.expect(get("data", "k1"), GetResult.class);
        assertTrue(got.result().found());
        assertEquals(bytes("v1"), got.result().value());
        assertEquals(put.timestampMicros(), got.result().writeTimestampMicros());
    }

    @Test
    void nodeTimestampsAreStrictlyIncreasingEvenWhenTheClockStands() throws IOException {
        long a = client.expect(put("data", "ts-a", "1"), PutResult.class).timestampMicros();
        long b = client.expect(put("data", "ts-a", "2"), PutResult.class).timestampMicros();
        assertTrue(b > a, a + " then " + b);
        assertEquals(bytes("2"), client.expect(get("data", "ts-a"), GetResult.class).result().value());
    }

    @Test
    void clientTimestampsDecideWhichWriteWins() throws IOException {
        long ts = START_MICROS + 5_000_000;
        PutResult newer = client.expect(new PutRequest("data", ConsistencyLevel.ONE, bytes("ct"), bytes("newer"),
                OptionalInt.empty(), OptionalLong.of(ts)), PutResult.class);
        assertEquals(ts, newer.timestampMicros());
        client.expect(new PutRequest("data", ConsistencyLevel.ONE, bytes("ct"), bytes("older"),
                OptionalInt.empty(), OptionalLong.of(ts - 1)), PutResult.class);
        GetResult got = client.expect(get("data", "ct"), GetResult.class);
        assertEquals(bytes("newer"), got.result().value());
        assertEquals(ts, got.result().writeTimestampMicros());
    }

    @Test
    void deleteHidesTheKey() throws IOException {
        client.expect(put("data", "gone", "x"), PutResult.class);
        DeleteResult deleted = client.expect(new DeleteRequest("data", ConsistencyLevel.ONE, bytes("gone")), DeleteResult.class);
        assertTrue(deleted.timestampMicros() > 0);
        assertFalse(client.expect(get("data", "gone"), GetResult.class).result().found());
        assertFalse(client.expect(get("data", "never-written"), GetResult.class).result().found());
    }

    @Test
    void ttlValuesExpire() throws IOException {
        client.expect(new PutRequest("data", ConsistencyLevel.ONE, bytes("ttl"), bytes("soon gone"),
                OptionalInt.of(10), OptionalLong.empty()), PutResult.class);
        assertTrue(client.expect(get("data", "ttl"), GetResult.class).result().found());
        clock.advanceSeconds(11);
        assertFalse(client.expect(get("data", "ttl"), GetResult.class).result().found());
    }

    @Test
    void multiGetAnswersEveryKeyInRequestOrder() throws IOException {
        client.expect(put("data", "m1", "one"), PutResult.class);
        client.expect(put("data", "m3", "three"), PutResult.class);
        List<Bytes> keys = List.of(bytes("m3"), bytes("m2"), bytes("m1"), bytes("m3"));
        MultiGetResult r = client.expect(new MultiGetRequest("data", ConsistencyLevel.ONE, keys), MultiGetResult.class);
        List<KeyedValue> results = r.results();
        assertEquals(4, results.size());
        for (int i = 0; i < keys.size(); i++) {
            assertEquals(keys.get(i), results.get(i).key());
        }
        assertEquals(bytes("three"), results.get(0).result().value());
        assertFalse(results.get(1).result().found());
        assertEquals(bytes("one"), results.get(2).result().value());
        assertEquals(bytes("three"), results.get(3).result().value());
        assertTrue(client.expect(new MultiGetRequest("data", ConsistencyLevel.ONE, List.of()), MultiGetResult.class)
                .results().isEmpty());
    }

    @Test
    void scanPagesThroughEveryLiveRowInTokenOrder() throws IOException {
        client.expect(createKeyspace("scan", 1), CreateKeyspaceResult.class);
        Set<String> expected = new HashSet<>();
        for (int i = 0; i < 230; i++) {
            client.expect(put("scan", "row-" + i, "value-" + i), PutResult.class);
            expected.add("row-" + i);
        }
        for (int i = 0; i < 230; i += 10) {
            client.expect(new DeleteRequest("scan", ConsistencyLevel.ONE, bytes("row-" + i)), DeleteResult.class);
            expected.remove("row-" + i);
        }
        Murmur3Partitioner partitioner = new Murmur3Partitioner();
        List<String> seen = new ArrayList<>();
        long previousToken = Long.MIN_VALUE;
        Optional<Bytes> paging = Optional.empty();
        int pages = 0;
        do {
            ScanResult page = client.expect(new ScanRequest("scan", ConsistencyLevel.ONE, paging, 40), ScanResult.class);
            assertTrue(page.rows().size() <= 40);
            for (Row row : page.rows()) {
                long token = partitioner.tokenValue(row.key().unsafeArray());
                assertTrue(token >= previousToken, "rows out of token order");
                previousToken = token;
                String key = new String(row.key().unsafeArray(), java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(bytes("value-" + key.substring(4)), row.value());
                seen.add(key);
            }
            paging = page.nextPagingKey();
            pages++;
        } while (paging.isPresent());
        assertEquals(expected.size(), seen.size(), "every live row once");
        assertEquals(expected, new HashSet<>(seen));
        assertTrue(pages >= 6, "paged " + pages + " times");
    }

    @Test
    void scanOfAnEmptyKeyspaceIsOneEmptyPage() throws IOException {
        client.expect(createKeyspace("empty", 1), CreateKeyspaceResult.class);
        ScanResult page = client.expect(new ScanRequest("empty", ConsistencyLevel.ONE, Optional.empty(), 10), ScanResult.class);
        assertTrue(page.rows().isEmpty());
        assertTrue(page.nextPagingKey().isEmpty());
    }

    @Test
    void emptyValuesAreValidButEmptyKeysAreNot() throws IOException {
        client.expect(new PutRequest("data", ConsistencyLevel.ONE, Bytes.ofUtf8("k"), Bytes.EMPTY),
                PutResult.class);
        GetResult got = client.expect(new io.stratadb.client.protocol.message.data.GetRequest("data",
                ConsistencyLevel.ONE, Bytes.ofUtf8("k")), GetResult.class);
        assertTrue(got.result().found());
        assertEquals(0, got.result().value().length());
        // Empty keys are refused (as in Cassandra): scans bound token ranges by a key's token prefix alone.
        client.expectError(new PutRequest("data", ConsistencyLevel.ONE, Bytes.EMPTY, Bytes.EMPTY),
                ErrorCode.INVALID_REQUEST);
    }

    @Test
    void lz4CompressedConnectionsWork() throws IOException {
        try (ProtocolClient lz4 = ProtocolClient.connect(node.clientAddress(), List.of(Compression.LZ4))) {
            String big = "compressible ".repeat(2000);
            lz4.expect(put("data", "big", big), PutResult.class);
            GetResult got = lz4.expect(get("data", "big"), GetResult.class);
            assertArrayEquals(big.getBytes(java.nio.charset.StandardCharsets.UTF_8), got.result().value().toArray());
        }
    }

    @Test
    void metricsCountRequestsByOperation() throws IOException {
        client.expect(put("data", "metered", "x"), PutResult.class);
        client.expect(get("data", "metered"), GetResult.class);
        var snapshot = node.metricsSnapshot();
        assertTrue(snapshot.get("client.request.put", "count").longValue() >= 1);
        assertTrue(snapshot.get("client.request.get", "count").longValue() >= 1);
        assertTrue(snapshot.metrics().containsKey("storage.write"), "storage metrics share the registry");
        assertTrue(snapshot.get("client.connections.open", "value").intValue() >= 1);
    }
}
