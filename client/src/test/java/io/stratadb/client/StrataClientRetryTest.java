package io.stratadb.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.exception.InvalidRequestException;
import io.stratadb.client.exception.OverloadedException;
import io.stratadb.client.exception.UnavailableException;
import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.message.data.PutRequest;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.retry.RetryPolicy;
import io.stratadb.client.routing.Node;
import io.stratadb.client.testing.FakeCluster;
import io.stratadb.client.testing.FakeStrataServer;
import io.stratadb.client.testing.ManualTicker;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The retry policy end to end, on a two-node fake cluster where the key's replica misbehaves: reads and
 * idempotent writes move on to the other node, other writes fail with the first error.
 */
class StrataClientRetryTest {
    private final FakeCluster cluster = FakeCluster.start("dc1", "dc1");
    private StrataClient client;
    private String key;
    private FakeStrataServer replica;
    private FakeStrataServer other;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        cluster.close();
    }

    private void connect(StrataClientBuilder builder) throws Exception {
        cluster.createKeyspace(new KeyspaceDefinition("ks", new ReplicationSettings.Simple(1)));
        client = builder.contactPoints(cluster.server(0).contactPoint()).defaultKeyspace("ks").ioThreads(1)
                .reconnectionDelay(Duration.ofMillis(20), Duration.ofMillis(100)).build();
        await(() -> client.connectedNodes().size() == 2, "the client connected to both nodes");
        key = "key";
        List<Node> replicas = client.clusterView().replicas("ks", Bytes.ofUtf8(key));
        int index = cluster.indexOf(replicas.get(0).address());
        replica = cluster.server(index);
        other = cluster.server(1 - index);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(5);
        }
    }

    private void replicaAnswers(ErrorResponse error) {
        replica.setResponder(request -> error);
    }

    @Test
    void aReadTheReplicaShedsIsRetriedOnTheOtherNode() throws Exception {
        connect(StrataClient.builder());
        other.store().handle(new PutRequest("ks", ConsistencyLevel.ONE,
                Bytes.ofUtf8(key), Bytes.ofUtf8("there"),
                OptionalInt.empty(), OptionalLong.empty()));
        replicaAnswers(ErrorResponse.of(ErrorCode.OVERLOADED, "queues full"));
        assertEquals("there", client.get(key).valueAsString());
        assertEquals(1, replica.requestsReceived());
        assertEquals(1, other.requestsReceived());
    }

    @Test
    void aWriteNotMarkedIdempotentIsNotRetried() throws Exception {
        connect(StrataClient.builder());
        replicaAnswers(ErrorResponse.unavailable(ConsistencyLevel.QUORUM, 2, 1));
        UnavailableException e = assertThrows(UnavailableException.class, () -> client.put(key, "v"));
        assertTrue(e.requestHadNoEffect(), "the caller may still retry it itself");
        assertThrows(UnavailableException.class, () -> client.delete(key));
        assertEquals(2, replica.requestsReceived());
        assertEquals(0, other.requestsReceived());
    }

    @Test
    void writesMarkedIdempotentOrCarryingATimestampAreRetried() throws Exception {
        connect(StrataClient.builder());
        replicaAnswers(ErrorResponse.of(ErrorCode.OVERLOADED, "queues full"));
        client.put(key, "v1", WriteOptions.defaults().withIdempotent(true));
        assertEquals(1000L, client.put(key, "v2", WriteOptions.defaults().withTimestampMicros(1000)));
        client.delete(key, WriteOptions.defaults().withTimestampMicros(2000));
        assertEquals(3, replica.requestsReceived());
        assertEquals(3, other.requestsReceived());
        assertThrows(OverloadedException.class,
                () -> client.put(key, "v3", WriteOptions.defaults().withTimestampMicros(3000).withIdempotent(false)));
    }

    @Test
    void aReadWhoseConnectionBreaksIsRetriedButAWriteIsNot() throws Exception {
        connect(StrataClient.builder());
        replica.setSilent(true);
        CompletableFuture<ReadResult> read = client.getAsync(key);
        CompletableFuture<Long> write = client.putAsync(key, "v");
        await(() -> replica.requestsReceived() == 2, "both requests reached the replica");
        replica.dropConnections();
        assertFalse(read.get(10, TimeUnit.SECONDS).isPresent(), "the other node answered");
        ExecutionException e = assertThrows(ExecutionException.class, () -> write.get(10, TimeUnit.SECONDS));
        ConnectionException lost = assertInstanceOf(ConnectionException.class, e.getCause());
        assertTrue(lost.wasRequestSent());
        assertEquals(1, other.requestsReceived(), "only the read went on to the other node");
    }

    @Test
    void retriesAreBoundedAndTheLastErrorIsReported() throws Exception {
        connect(StrataClient.builder());
        cluster.servers().forEach(s -> s.setResponder(request -> ErrorResponse.of(ErrorCode.OVERLOADED, "full")));
        assertThrows(OverloadedException.class, () -> client.get(key));
        assertEquals(1, replica.requestsReceived());
        assertEquals(1, other.requestsReceived(), "one retry, then the error");
    }

    @Test
    void errorsThatWouldRepeatAreNotRetried() throws Exception {
        connect(StrataClient.builder());
        replicaAnswers(ErrorResponse.of(ErrorCode.INVALID_REQUEST, "no"));
        assertThrows(InvalidRequestException.class, () -> client.get(key));
        assertEquals(0, other.requestsReceived());
    }

    @Test
    void aUserPolicyReplacesTheDefault() throws Exception {
        connect(StrataClient.builder().retryPolicy(RetryPolicy.never()));
        replicaAnswers(ErrorResponse.of(ErrorCode.OVERLOADED, "queues full"));
        assertThrows(OverloadedException.class, () -> client.get(key));
        assertEquals(0, other.requestsReceived());
    }

    @Test
    void aRetryPolicyThatThrowsEndsTheRequestWithItsErrorInsteadOfHangingIt() throws Exception {
        connect(StrataClient.builder().retryPolicy((request, error, retries) -> {
            throw new IllegalStateException("policy bug");
        }));
        replicaAnswers(ErrorResponse.of(ErrorCode.OVERLOADED, "queues full"));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> client.getAsync(key).get(10, TimeUnit.SECONDS));
        assertInstanceOf(OverloadedException.class, e.getCause());
        assertEquals(0, other.requestsReceived());
    }

    @Test
    void noRetryStartsAfterTheRequestTimeoutHasPassed() throws Exception {
        ManualTicker ticker = new ManualTicker();
        connect(StrataClient.builder().ticker(ticker));
        replica.setResponder(request -> {
            ticker.advanceMillis(300); // the replica took longer than the request's whole timeout to shed it
            return ErrorResponse.of(ErrorCode.OVERLOADED, "queues full");
        });
        OverloadedException e = assertThrows(OverloadedException.class,
                () -> client.get(key, RequestOptions.defaults().withTimeout(Duration.ofMillis(250))));
        assertEquals(ErrorCode.OVERLOADED, e.code(), "the answer that came, not a made-up timeout");
        assertEquals(0, other.requestsReceived(), "no time was left for a retry");
    }
}
