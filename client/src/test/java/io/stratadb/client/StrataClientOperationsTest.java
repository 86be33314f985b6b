package io.stratadb.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.exception.AlreadyExistsException;
import io.stratadb.client.exception.InvalidRequestException;
import io.stratadb.client.exception.UnknownKeyspaceException;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.DataRequest;
import io.stratadb.client.protocol.message.data.PutRequest;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import io.stratadb.client.ring.Murmur3Partitioner;
import io.stratadb.client.testing.FakeStrataServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every client operation, sync and async, round-tripped through a local fake server. */
class StrataClientOperationsTest {
    private FakeStrataServer server;
    private StrataClient client;

    @BeforeEach
    void setUp() {
        server = FakeStrataServer.start();
        client = StrataClient.builder().contactPoints(server.contactPoint()).defaultKeyspace("ks").ioThreads(1).build();
        assertTrue(client.createKeyspace("ks", 1));
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    @Test
    void putThenGetReturnsTheValueAndItsTimestamp() {
        long ts = client.put("k", "v");
        ReadResult r = client.get("k");
        assertTrue(r.isPresent());
        assertEquals("v", r.valueAsString());
        assertEquals("k", r.keyAsString());
        assertEquals(ts, r.writeTimestampMicros());
    }

    @Test
    void bytesRoundTripUnchanged() {
        byte[] key = {0, (byte) 0xFF, 7};
        byte[] value = {(byte) 0xC3, 0x28, 0, 1}; // not UTF-8
        client.put(key, value);
        assertArrayEquals(value, client.get(key).value());
        assertArrayEquals(key, client.get(key).key());
    }

    @Test
    void anAbsentKeyIsNotAnEmptyValue() {
        client.put("empty", "");
        ReadResult empty = client.get("empty");
        assertTrue(empty.isPresent());
        assertEquals("", empty.valueAsString());
        ReadResult missing = client.get("missing");
        assertFalse(missing.isPresent());
        assertNull(missing.value());
        assertNull(missing.valueAsString());
        assertThrows(IllegalStateException.class, missing::writeTimestampMicros);
    }

    @Test
    void deleteHidesTheValueAndReturnsTheTombstoneTimestamp() {
        long written = client.put("k", "v");
        long deleted = client.delete("k");
        assertTrue(deleted > written);
        assertFalse(client.get("k").isPresent());
        client.delete("never-written"); // not an error
    }

    @Test
    void clientTimestampsDecideWhichWriteWins() {
        client.put("k", "new", WriteOptions.defaults().withTimestampMicros(2000));
        assertEquals(1000, client.put("k", "old", WriteOptions.defaults().withTimestampMicros(1000)));
        ReadResult r = client.get("k");
        assertEquals("new", r.valueAsString());
        assertEquals(2000, r.writeTimestampMicros());
        client.delete("k", WriteOptions.defaults().withTimestampMicros(1500));
        assertEquals("new", client.get("k").valueAsString(), "an older tombstone loses");
    }

    @Test
    void perRequestOptionsReachTheWire() {
        List<DataRequest> seen = new CopyOnWriteArrayList<>();
        server.setResponder(request -> {
            if (request instanceof DataRequest d) {
                seen.add(d);
            }
            return server.store().handle(request);
        });
        assertTrue(client.createKeyspace("other", 1));
        client.put("k", "v", WriteOptions.defaults().withKeyspace("other").withConsistency(ConsistencyLevel.QUORUM)
                .withTtlSeconds(60).withTimestampMicros(77).withTimeout(Duration.ofSeconds(3)));
        client.get("k", RequestOptions.defaults().withConsistency(ConsistencyLevel.ALL).withKeyspace("other"));
        PutRequest put = assertInstanceOf(PutRequest.class, seen.get(0));
        assertEquals("other", put.keyspace());
        assertEquals(ConsistencyLevel.QUORUM, put.consistency());
        assertEquals(60, put.ttlSeconds().getAsInt());
        assertEquals(77, put.timestampMicros().getAsLong());
        assertEquals(ConsistencyLevel.ALL, seen.get(1).consistency());
        assertFalse(client.get("k").isPresent(), "the default keyspace is ks, not other");
    }

    @Test
    void defaultConsistencyComesFromTheBuilder() {
        List<DataRequest> seen = new CopyOnWriteArrayList<>();
        server.setResponder(request -> {
            if (request instanceof DataRequest d) {
                seen.add(d);
            }
            return server.store().handle(request);
        });
        try (StrataClient quorum = StrataClient.builder().contactPoints(server.contactPoint()).defaultKeyspace("ks")
                .defaultConsistency(ConsistencyLevel.LOCAL_QUORUM).ioThreads(1).build()) {
            quorum.get("k");
        }
        assertEquals(ConsistencyLevel.LOCAL_QUORUM, seen.get(0).consistency());
    }

    @Test
    void multiGetAnswersInRequestOrder() {
        client.put("a", "1");
        client.put("c", "3");
        List<ReadResult> results = client.multiGetStrings(List.of("c", "b", "a"));
        assertEquals(List.of("c", "b", "a"), results.stream().map(ReadResult::keyAsString).toList());
        assertEquals("3", results.get(0).valueAsString());
        assertFalse(results.get(1).isPresent());
        assertEquals("1", results.get(2).valueAsString());
        List<ReadResult> bytes = client.multiGet(List.of("a".getBytes(StandardCharsets.UTF_8)));
        assertEquals("1", bytes.get(0).valueAsString());
    }

    @Test
    void scanPagesThroughEveryRowInRingOrder() {
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            client.put("key" + i, "v" + i);
            written.add("key" + i);
        }
        client.delete("key3");
        written.remove("key3");
        List<KeyValue> all = new ArrayList<>();
        PagingState state = null;
        int pages = 0;
        do {
            ScanPage page = client.scan(state, 10);
            assertTrue(page.rows().size() <= 10);
            all.addAll(page.rows());
            state = page.pagingState();
            pages++;
        } while (state != null);
        assertTrue(pages >= 3);
        assertEquals(written, new HashSet<>(all.stream().map(KeyValue::keyAsString).toList()));
        assertEquals(written.size(), all.size(), "no row twice");
        Murmur3Partitioner partitioner = new Murmur3Partitioner();
        for (int i = 1; i < all.size(); i++) {
            assertTrue(partitioner.tokenValue(all.get(i - 1).key()) <= partitioner.tokenValue(all.get(i).key()),
                    "ring order");
        }
        assertEquals("v7", all.stream().filter(kv -> kv.keyAsString().equals("key7")).findFirst().orElseThrow()
                .valueAsString());
    }

    @Test
    void aPagingStateSurvivesTextAndBytes() {
        for (int i = 0; i < 5; i++) {
            client.put("k" + i, "v");
        }
        ScanPage first = client.scan(null, 2);
        PagingState state = first.pagingState();
        assertEquals(state, PagingState.parse(state.toString()));
        assertEquals(state, PagingState.fromBytes(state.toBytes()));
        assertEquals(client.scan(state, 2).rows(), client.scan(PagingState.parse(state.toString()), 2).rows());
        assertThrows(IllegalArgumentException.class, () -> PagingState.parse("!!"));
        assertThrows(IllegalArgumentException.class, () -> PagingState.fromBytes(new byte[] {9, 1}));
    }

    @Test
    void scanAllIteratesEveryRowLazily() {
        for (int i = 0; i < 23; i++) {
            client.put("row" + i, "v");
        }
        int before = server.requestsReceived();
        Iterable<KeyValue> rows = client.scanAll(5);
        assertEquals(before, server.requestsReceived(), "nothing fetched before iterating");
        List<String> keys = new ArrayList<>();
        rows.forEach(kv -> keys.add(kv.keyAsString()));
        assertEquals(23, keys.size());
        assertEquals(23, new HashSet<>(keys).size());
    }

    @Test
    void keyspacesCanBeCreatedListedAndDropped() {
        assertThrows(AlreadyExistsException.class, () -> client.createKeyspace("ks", 1));
        assertFalse(client.createKeyspace("ks", new ReplicationSettings.Simple(3), true, RequestOptions.defaults()));
        assertTrue(client.createKeyspace("multi", new ReplicationSettings.NetworkTopology(Map.of("dc1", 3, "dc2", 2))));
        assertEquals(List.of("ks", "multi"), client.keyspaces().stream().map(KeyspaceDefinition::name).toList());
        assertEquals(new ReplicationSettings.NetworkTopology(Map.of("dc1", 3, "dc2", 2)),
                client.keyspaces().get(1).replication());
        assertTrue(client.dropKeyspace("multi"));
        assertThrows(UnknownKeyspaceException.class, () -> client.dropKeyspace("multi"));
        assertFalse(client.dropKeyspace("multi", true, RequestOptions.defaults()));
    }

    @Test
    void topologyDescribesTheRing() {
        TopologyResult t = client.topology();
        assertEquals(Murmur3Partitioner.NAME, t.partitioner());
        assertEquals(1, t.nodes().size());
        assertEquals(server.port(), t.nodes().get(0).clientAddress().getPort());
        assertEquals(List.of("ks"), t.keyspaces().stream().map(KeyspaceDefinition::name).toList());
    }

    @Test
    void serverErrorsBecomeTypedExceptions() {
        UnknownKeyspaceException e = assertThrows(UnknownKeyspaceException.class,
                () -> client.get("k", RequestOptions.defaults().withKeyspace("nope")));
        assertEquals("nope", e.keyspace());
        assertTrue(e.requestHadNoEffect());
        assertThrows(InvalidRequestException.class, () -> client.put("k", "v",
                WriteOptions.defaults().withKeyspace("nope")));
    }

    @Test
    void everyAsyncOperationCompletesItsFuture() throws Exception {
        assertTrue(client.putAsync("a", "1").get() > 0);
        assertTrue(client.putAsync("b".getBytes(StandardCharsets.UTF_8), "2".getBytes(StandardCharsets.UTF_8)).get() > 0);
        assertEquals("1", client.getAsync("a").get().valueAsString());
        assertEquals("2", client.getAsync("b".getBytes(StandardCharsets.UTF_8)).get().valueAsString());
        assertEquals(2, client.multiGetStringsAsync(List.of("a", "b")).get().size());
        assertEquals(2, client.scanAsync(null, 10).get().rows().size());
        assertTrue(client.deleteAsync("a").get() > 0);
        assertTrue(client.createKeyspaceAsync("x", 1).get());
        assertEquals(2, client.keyspacesAsync().get().size());
        assertTrue(client.dropKeyspaceAsync("x").get());
        assertEquals(1, client.topologyAsync().get().nodes().size());
    }

    @Test
    void anAsyncFailureCarriesTheTypedExceptionUnwrapped() {
        CompletableFuture<ReadResult> f = client.getAsync("k", RequestOptions.defaults().withKeyspace("nope"));
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        assertInstanceOf(UnknownKeyspaceException.class, e.getCause());
        CompletableFuture<Throwable> seen = new CompletableFuture<>();
        f.whenComplete((r, t) -> seen.complete(t));
        assertInstanceOf(UnknownKeyspaceException.class, seen.join(), "not wrapped in a CompletionException");
    }

    @Test
    void argumentErrorsAreThrownAtOnceEvenByAsyncMethods() {
        try (StrataClient noKeyspace = StrataClient.builder().contactPoints(server.contactPoint()).ioThreads(1)
                .build()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> noKeyspace.getAsync("k"));
            assertTrue(e.getMessage().contains("no keyspace"));
        }
        assertThrows(IllegalArgumentException.class, () -> client.putAsync(new byte[70_000], new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> client.delete("k",
                WriteOptions.defaults().withTtlSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> client.scan(null, 0));
        assertThrows(NullPointerException.class, () -> client.get((String) null));
    }

    @Test
    void aResultCannotBeJoinedAfterTheFactIntoAWrappedException() {
        // join() on our futures wraps as CompletableFuture always does; the sync methods unwrap.
        CompletionException e = assertThrows(CompletionException.class,
                () -> client.getAsync("k", RequestOptions.defaults().withKeyspace("nope")).join());
        assertInstanceOf(UnknownKeyspaceException.class, e.getCause());
    }
}
