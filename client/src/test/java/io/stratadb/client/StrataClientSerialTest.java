package io.stratadb.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.exception.ContentionException;
import io.stratadb.client.exception.RequestTimeoutException;
import io.stratadb.client.exception.ServerErrorException;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.SerialWriteRequest;
import io.stratadb.client.protocol.message.data.CasRequest;
import io.stratadb.client.protocol.message.data.DeleteIfRequest;
import io.stratadb.client.protocol.message.data.PutIfAbsentRequest;
import io.stratadb.client.protocol.message.data.SerialPutRequest;
import io.stratadb.client.protocol.message.data.SerialWriteResult;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.protocol.message.error.TimeoutKind;
import io.stratadb.client.testing.FakeStrataServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The serial writes and serial reads of the client API, sync and async, through a local fake server. */
class StrataClientSerialTest {
    private FakeStrataServer server;
    private StrataClient client;
    private final List<Request> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        server = FakeStrataServer.start();
        server.setResponder(request -> {
            received.add(request);
            return server.store().handle(request);
        });
        client = StrataClient.builder().contactPoints(server.contactPoint()).defaultKeyspace("ks").ioThreads(1).build();
        assertTrue(client.createKeyspace("ks", 1));
        received.clear();
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    private <R extends Request> R last(Class<R> type) {
        return type.cast(received.get(received.size() - 1));
    }

    @Test
    void aConditionalWriteAppliesOrAnswersTheValueItWasCheckedAgainst() {
        assertTrue(client.putIfAbsent("k", "v1").applied());
        CasResult taken = client.putIfAbsent("k", "other");
        assertFalse(taken.applied());
        assertEquals("v1", taken.currentValueAsString());
        assertTrue(taken.current().orElseThrow().isPresent());

        CasResult stale = client.compareAndSet("k", "v0", "v2");
        assertFalse(stale.applied());
        assertEquals("v1", stale.currentValueAsString(), "the caller can retry with this as the expected value");
        assertTrue(client.compareAndSet("k", stale.currentValueAsString(), "v2").applied());
        assertEquals("v2", client.get("k").valueAsString());

        assertFalse(client.deleteIf("k", "v1").applied());
        assertTrue(client.deleteIf("k", "v2").applied());
        assertFalse(client.get("k").isPresent());

        CasResult onAbsent = client.compareAndSet("k", "", "v3");
        assertFalse(onAbsent.applied(), "an absent key is not an empty value");
        assertFalse(onAbsent.current().orElseThrow().isPresent());
        assertNull(onAbsent.currentValueAsString());
        assertFalse(client.deleteIf("k", "").applied());

        assertTrue(client.serialPut("k", "v4").applied());
        assertTrue(client.serialPut("k", "v5").applied(), "unconditional");
        assertEquals("v5", client.get("k").valueAsString());
        assertTrue(client.putIfAbsent("k2", "").applied());
        assertEquals("", client.putIfAbsent("k2", "x").currentValueAsString(), "an empty value is a value");
    }

    @Test
    void bytesAndAsyncVariantsAgree() throws Exception {
        byte[] key = {0, (byte) 0xFF};
        byte[] v1 = {(byte) 0xC3, 0x28};
        byte[] v2 = {1, 2, 3};
        assertTrue(client.putIfAbsentAsync(key, v1).get(10, TimeUnit.SECONDS).applied());
        assertArrayEquals(v1, client.compareAndSetAsync(key, v2, v2).get(10, TimeUnit.SECONDS).currentValue());
        assertTrue(client.compareAndSet(key, v1, v2, WriteOptions.defaults()).applied());
        assertFalse(client.deleteIfAsync(key, v1, WriteOptions.defaults()).get(10, TimeUnit.SECONDS).applied());
        assertTrue(client.deleteIf(key, v2).applied());
        assertTrue(client.serialPutAsync(key, v1).get(10, TimeUnit.SECONDS).applied());
        assertTrue(client.serialPutAsync("s", "v", WriteOptions.defaults()).get(10, TimeUnit.SECONDS).applied());
        assertTrue(client.compareAndSetAsync("s", "v", "w").get(10, TimeUnit.SECONDS).applied());
        assertTrue(client.deleteIfAsync("s", "w").get(10, TimeUnit.SECONDS).applied());
        assertTrue(client.putIfAbsentAsync("s", "x", WriteOptions.defaults()).get(10, TimeUnit.SECONDS).applied());
        assertTrue(client.putIfAbsent(new byte[] {9}, v2, WriteOptions.defaults()).applied());
        assertTrue(client.serialPut(new byte[] {9}, v1, WriteOptions.defaults()).applied());
        assertArrayEquals(v1, client.get(new byte[] {9}).value());
    }

    @Test
    void eachRequestCarriesTheCommitLevelTheSerialLevelAndTheTtl() {
        client.putIfAbsent("k", "v");
        PutIfAbsentRequest defaults = last(PutIfAbsentRequest.class);
        assertEquals(StrataClientBuilder.DEFAULT_CONSISTENCY, defaults.consistency());
        assertEquals(ConsistencyLevel.SERIAL, defaults.serialConsistency());
        assertEquals(OptionalInt.empty(), defaults.ttlSeconds());

        WriteOptions options = WriteOptions.defaults().withConsistency(ConsistencyLevel.QUORUM)
                .withSerialConsistency(ConsistencyLevel.LOCAL_SERIAL).withTtlSeconds(60);
        client.compareAndSet("k", "v", "w", options);
        CasRequest cas = last(CasRequest.class);
        assertEquals(ConsistencyLevel.QUORUM, cas.consistency());
        assertEquals(ConsistencyLevel.LOCAL_SERIAL, cas.serialConsistency());
        assertEquals(OptionalInt.of(60), cas.ttlSeconds());
        assertEquals("w", new String(cas.newValue().unsafeArray(), StandardCharsets.UTF_8));
        client.serialPut("k", "x", options);
        assertEquals(OptionalInt.of(60), last(SerialPutRequest.class).ttlSeconds());
        client.deleteIf("k", "x", WriteOptions.defaults().withConsistency(ConsistencyLevel.ALL));
        DeleteIfRequest deleteIf = last(DeleteIfRequest.class);
        assertEquals(ConsistencyLevel.ALL, deleteIf.consistency());
        assertEquals(ConsistencyLevel.SERIAL, deleteIf.serialConsistency());
    }

    @Test
    void theBuildersSerialLevelIsTheDefault() {
        try (StrataClient local = StrataClient.builder().contactPoints(server.contactPoint()).defaultKeyspace("ks")
                .defaultConsistency(ConsistencyLevel.LOCAL_QUORUM).defaultSerialConsistency(ConsistencyLevel.LOCAL_SERIAL)
                .ioThreads(1).build()) {
            local.putIfAbsent("k", "v");
            SerialWriteRequest r = last(PutIfAbsentRequest.class);
            assertEquals(ConsistencyLevel.LOCAL_QUORUM, r.consistency());
            assertEquals(ConsistencyLevel.LOCAL_SERIAL, r.serialConsistency());
            local.serialPut("k", "w", WriteOptions.defaults().withSerialConsistency(ConsistencyLevel.SERIAL));
            assertEquals(ConsistencyLevel.SERIAL, last(SerialPutRequest.class).serialConsistency());
        }
        assertThrows(IllegalArgumentException.class,
                () -> StrataClient.builder().defaultSerialConsistency(ConsistencyLevel.QUORUM));
    }

    @Test
    void whatASerialWriteCannotCarryIsRefusedBeforeAnythingIsSent() {
        assertThrows(IllegalArgumentException.class,
                () -> WriteOptions.defaults().withSerialConsistency(ConsistencyLevel.QUORUM));
        assertThrows(IllegalArgumentException.class,
                () -> client.compareAndSetAsync("k", "a", "b", WriteOptions.defaults().withTimestampMicros(5)));
        assertThrows(IllegalArgumentException.class,
                () -> client.deleteIf("k", "a", WriteOptions.defaults().withTtlSeconds(5)));
        assertThrows(IllegalArgumentException.class, () -> client.serialPut("k", "a",
                WriteOptions.defaults().withConsistency(ConsistencyLevel.SERIAL)), "SERIAL is not a commit level");
        try (StrataClient noKeyspace = StrataClient.builder().contactPoints(server.contactPoint()).ioThreads(1).build()) {
            assertThrows(IllegalStateException.class, () -> noKeyspace.putIfAbsent("k", "v"));
        }
        assertEquals(List.of(), received);
    }

    @Test
    void aSerialReadIsAGetAtSerial() {
        client.serialPut("k", "v");
        ReadResult r = client.get("k", RequestOptions.defaults().withConsistency(ConsistencyLevel.SERIAL));
        assertEquals("v", r.valueAsString());
        assertEquals(Opcode.GET, last(Request.class).opcode());
        assertEquals(ConsistencyLevel.SERIAL,
                last(io.stratadb.client.protocol.message.data.GetRequest.class).consistency());
    }

    @Test
    void contentionAndPaxosTimeoutsReachTheCallerWithTheirOutcomeUnknown() throws Exception {
        server.setResponder(request -> ErrorResponse.of(ErrorCode.CONTENTION, "lost 5 rounds to other proposers"));
        ContentionException contention = assertThrows(ContentionException.class, () -> client.compareAndSet("k", "a", "b"));
        assertFalse(contention.requestHadNoEffect());
        ExecutionException async = assertThrows(ExecutionException.class,
                () -> client.putIfAbsentAsync("k", "a").get(10, TimeUnit.SECONDS));
        assertInstanceOf(ContentionException.class, async.getCause());

        server.setResponder(request -> ErrorResponse.timeout(ConsistencyLevel.SERIAL, TimeoutKind.PROPOSE, 1, 2));
        RequestTimeoutException timeout = assertThrows(RequestTimeoutException.class, () -> client.deleteIf("k", "a"));
        assertEquals(TimeoutKind.PROPOSE, timeout.kind());
        assertTrue(timeout.kind().isPaxosPhase());
        assertFalse(timeout.isClientSide());
        assertFalse(timeout.requestHadNoEffect());
        assertEquals(4, server.requestsReceived(), "create-keyspace, then each serial write once");
    }

    @Test
    void anAnswerUnderAnotherOperationsResultCodeIsAServerError() {
        server.setResponder(request -> SerialWriteResult.applied(Opcode.PUT_IF_ABSENT));
        ServerErrorException e = assertThrows(ServerErrorException.class, () -> client.compareAndSet("k", "a", "b"));
        assertTrue(e.getMessage().contains("PUT_IF_ABSENT_RESULT"), e.getMessage());
        assertTrue(client.putIfAbsent("k", "a").applied());
    }
}
