package io.stratadb.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.exception.NoNodeAvailableException;
import io.stratadb.client.exception.RequestTimeoutException;
import io.stratadb.client.exception.ServerErrorException;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.handshake.Compression;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.protocol.message.error.TimeoutKind;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.routing.RoundRobinPolicy;
import io.stratadb.client.testing.FakeCluster;
import io.stratadb.client.testing.FakeStrataServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Timeouts, lost connections, busy connections, dead nodes: what the caller sees in each case. */
class StrataClientFailureTest {
    private final FakeStrataServer server = FakeStrataServer.start();
    private FakeStrataServer second;
    private StrataClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        server.close();
        if (second != null) {
            second.close();
        }
    }

    /** Several servers are made one cluster, so that the topology each reports lists them all. */
    private StrataClientBuilder builder(FakeStrataServer... servers) {
        if (servers.length > 1) {
            FakeCluster.of(servers);
        }
        StrataClientBuilder b = StrataClient.builder().defaultKeyspace("ks").ioThreads(1)
                .reconnectionDelay(Duration.ofMillis(20), Duration.ofMillis(100));
        for (FakeStrataServer s : servers) {
            b.contactPoints(s.contactPoint());
            s.store().handle(new CreateKeyspaceRequest(new KeyspaceDefinition("ks", new ReplicationSettings.Simple(1)),
                    true));
        }
        return b;
    }

    private static Throwable failure(CompletableFuture<?> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
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

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void noAnswerInTimeIsAClientSideTimeoutWithUnknownOutcome() {
        client = builder(server).build();
        server.setSilent(true);
        long start = System.nanoTime();
        RequestTimeoutException e = assertThrows(RequestTimeoutException.class, () -> client.put("k", "v",
                WriteOptions.defaults().withTimeout(Duration.ofMillis(100)).withConsistency(ConsistencyLevel.QUORUM)));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMillis >= 90 && tookMillis < 3000, "took " + tookMillis + " ms");
        assertTrue(e.isClientSide());
        assertTrue(e.isWrite());
        assertEquals(ConsistencyLevel.QUORUM, e.consistency());
        assertFalse(e.requestHadNoEffect());
        assertEquals(TimeoutKind.READ, assertThrows(RequestTimeoutException.class,
                () -> client.get("k", RequestOptions.defaults().withTimeout(Duration.ofMillis(50)))).kind());
    }

    @Test
    void theServersOwnTimeoutIsReportedWithItsCounts() {
        client = builder(server).build();
        server.setResponder(r -> ErrorResponse.timeout(ConsistencyLevel.QUORUM, TimeoutKind.WRITE, 1, 2));
        RequestTimeoutException e = assertThrows(RequestTimeoutException.class, () -> client.put("k", "v"));
        assertFalse(e.isClientSide());
        assertEquals(1, e.received());
        assertEquals(2, e.required());
    }

    @Test
    void aLateAnswerIsDroppedAndTheConnectionStaysUsable() throws Exception {
        client = builder(server).build();
        server.setDelayMillis(300);
        assertThrows(RequestTimeoutException.class,
                () -> client.get("k", RequestOptions.defaults().withTimeout(Duration.ofMillis(50))));
        Thread.sleep(400);
        server.setDelayMillis(0);
        client.put("k", "v");
        assertEquals("v", client.get("k").valueAsString());
        assertEquals(1, server.acceptedConnections(), "the same connection throughout");
    }

    @Test
    void aConnectionLostWithRequestsInFlightFailsThemWithAnUnknownOutcome() throws Exception {
        client = builder(server).build();
        server.setSilent(true);
        CompletableFuture<ReadResult> inFlight = client.getAsync("k");
        await(() -> server.requestsReceived() == 1, "the request reached the server");
        server.dropConnections();
        ConnectionException e = assertInstanceOf(ConnectionException.class, failure(inFlight));
        assertTrue(e.wasRequestSent());
        assertFalse(e.requestHadNoEffect());
        assertTrue(e.getMessage().contains("in flight"), e.getMessage());
    }

    @Test
    void whenEveryConnectionIsBusyRequestsFailFastWithoutBeingSent() throws Exception {
        client = builder(server).maxRequestsPerConnection(2).connectionsPerHost(1).build();
        server.setSilent(true);
        client.getAsync("a");
        client.getAsync("b");
        NoNodeAvailableException e = assertInstanceOf(NoNodeAvailableException.class, failure(client.getAsync("c")));
        assertTrue(e.allBusy());
        assertTrue(e.requestHadNoEffect());
        await(() -> server.requestsReceived() == 2, "both sent requests arrived");
        Thread.sleep(50);
        assertEquals(2, server.requestsReceived(), "the third was never sent");
    }

    @Test
    void requestsGoToTheNodesThatAreUp() throws Exception {
        second = FakeStrataServer.start();
        client = builder(server, second).build();
        await(() -> client.connectedNodes().size() == 2, "both nodes are connected");
        server.stop();
        await(() -> client.connectedNodes().size() == 1, "the client saw the first node go");
        for (int i = 0; i < 10; i++) {
            client.put("k" + i, "v");
        }
        assertEquals(10, second.requestsReceived());
    }

    @Test
    void requestsAreSpreadOverTheNodes() throws Exception {
        second = FakeStrataServer.start();
        // Round robin explicitly: the default, token-aware, policy sends every read of "k" to its one replica.
        client = builder(server, second).loadBalancingPolicy(new RoundRobinPolicy()).build();
        await(() -> client.connectedNodes().size() == 2, "both nodes are connected");
        for (int i = 0; i < 10; i++) {
            client.get("k");
        }
        assertEquals(5, server.requestsReceived());
        assertEquals(5, second.requestsReceived());
    }

    @Test
    void buildFailsWhenNoContactPointAnswersAndSaysWhy() throws Exception {
        int port = closedPort();
        NoNodeAvailableException e = assertThrows(NoNodeAvailableException.class,
                () -> StrataClient.builder().contactPoints("127.0.0.1:" + port).ioThreads(1).build());
        assertTrue(e.errors().containsKey(new InetSocketAddress("127.0.0.1", port)));
        assertTrue(e.getMessage().contains("cannot connect"), e.getMessage());
    }

    @Test
    void buildSucceedsWhenOneContactPointIsUp() throws Exception {
        client = builder(server).contactPoints("127.0.0.1:" + closedPort()).build();
        client.put("k", "v");
        assertEquals(1, client.connectedNodes().size());
    }

    @Test
    void theClientReconnectsWhenTheNodeComesBack() throws Exception {
        client = builder(server).build();
        server.stop();
        await(() -> client.connectedNodes().isEmpty(), "the client saw the node go");
        assertThrows(NoNodeAvailableException.class, () -> client.get("k"));
        server.restart();
        await(() -> !client.connectedNodes().isEmpty(), "the client reconnected");
        client.put("k", "back");
        assertEquals("back", client.get("k").valueAsString());
    }

    @Test
    void closingFailsRequestsInFlightAndRefusesNewOnes() {
        client = builder(server).build();
        server.setSilent(true);
        CompletableFuture<ReadResult> inFlight = client.getAsync("k");
        client.close();
        assertInstanceOf(ConnectionException.class, failure(inFlight));
        assertThrows(IllegalStateException.class, () -> client.get("k"));
        assertTrue(client.isClosed());
        client.close(); // idempotent
    }

    @Test
    void aSynchronousCallFromACallbackIsRefusedInsteadOfDeadlocking() {
        client = builder(server).build();
        // Answer late, so the callback is attached before completion and runs on the client's I/O thread
        // (attached after completion it would run on this thread, where a synchronous call is fine).
        server.setDelayMillis(100);
        CompletableFuture<ReadResult> nested = client.getAsync("k").thenApply(r -> client.get("other"));
        IllegalStateException e = assertInstanceOf(IllegalStateException.class, failure(nested));
        assertTrue(e.getMessage().contains("deadlock"), e.getMessage());
    }

    @Test
    void lz4IsUsedWhenAskedForAndLargeValuesRoundTrip() throws Exception {
        client = builder(server).compression(true).build();
        await(() -> !server.handshakes().isEmpty(), "the server recorded the handshake");
        assertEquals(Compression.LZ4, server.handshakes().get(0).compression());
        String big = "compressible ".repeat(20_000);
        client.put("big", big);
        assertEquals(big, client.get("big").valueAsString());
    }

    @Test
    void anAnswerOfTheWrongKindIsAServerError() {
        client = builder(server).build();
        server.setResponder(r -> new PutResult(1));
        ServerErrorException e = assertThrows(ServerErrorException.class, () -> client.get("k"));
        assertTrue(e.getMessage().contains("GET"), e.getMessage());
        assertThrows(CompletionException.class, () -> client.getAsync("k").join());
    }
}
