package io.stratadb.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.exception.ContentionException;
import io.stratadb.client.exception.RequestTimeoutException;
import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.message.data.GetRequest;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.protocol.message.error.TimeoutKind;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.routing.Node;
import io.stratadb.client.testing.FakeCluster;
import io.stratadb.client.testing.FakeStrataServer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where serial operations go on a three-node fake cluster with every node a replica (RF 3): always to the
 * key's first replica, while ordinary reads rotate; and which failures send them on to the next replica.
 */
class StrataClientSerialRoutingTest {
    private static final RequestOptions SERIAL_READ = RequestOptions.defaults().withConsistency(ConsistencyLevel.SERIAL);

    private final FakeCluster cluster = FakeCluster.start("dc1", "dc1", "dc1");
    private StrataClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
        cluster.close();
    }

    private void connect() throws InterruptedException {
        cluster.createKeyspace(new KeyspaceDefinition("ks", new ReplicationSettings.Simple(3)));
        client = StrataClient.builder().contactPoints(cluster.server(0).contactPoint()).defaultKeyspace("ks")
                .ioThreads(1).reconnectionDelay(Duration.ofMillis(20), Duration.ofMillis(100)).build();
        await(() -> client.connectedNodes().size() == 3, "the client connected to all three nodes");
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

    /** The key's replicas as server indexes, in ring order (first replica first). */
    private List<Integer> replicasOf(String key) {
        List<Node> replicas = client.clusterView().replicas("ks", Bytes.ofUtf8(key));
        return replicas.stream().map(n -> cluster.indexOf(n.address())).toList();
    }

    private int[] requestCounts() {
        return cluster.servers().stream().mapToInt(FakeStrataServer::requestsReceived).toArray();
    }

    @Test
    void serialOperationsOfAKeyAllGoToItsFirstReplicaWhileOrdinaryReadsRotate() throws Exception {
        connect();
        for (int k = 0; k < 10; k++) {
            String key = "account:" + k;
            List<Integer> replicas = replicasOf(key);
            assertEquals(3, replicas.size());
            int first = replicas.get(0);
            int[] before = requestCounts();
            assertTrue(client.putIfAbsent(key, "0").applied());
            for (int i = 0; i < 5; i++) {
                assertTrue(client.compareAndSet(key, String.valueOf(i), String.valueOf(i + 1)).applied(),
                        "every round found the previous one's value: all on one node");
                assertEquals(String.valueOf(i + 1), client.get(key, SERIAL_READ).valueAsString());
            }
            assertTrue(client.deleteIf(key, "5").applied());
            assertTrue(client.serialPutAsync(key, "last").get(10, TimeUnit.SECONDS).applied());
            int[] after = requestCounts();
            for (int s = 0; s < 3; s++) {
                assertEquals(before[s] + (s == first ? 13 : 0), after[s], key + " on server " + s);
            }
            int[] beforeReads = requestCounts();
            for (int i = 0; i < 3; i++) {
                client.get(key);
            }
            int[] afterReads = requestCounts();
            for (int s = 0; s < 3; s++) {
                assertEquals(beforeReads[s] + 1, afterReads[s], "ordinary reads of " + key + " rotate: server " + s);
            }
        }
    }

    @Test
    void whenTheFirstReplicaIsDownSerialOperationsGoToTheNextInRingOrder() throws Exception {
        connect();
        String key = "k";
        List<Integer> replicas = replicasOf(key);
        cluster.server(replicas.get(0)).stop();
        await(() -> client.connectedNodes().size() == 2, "the client noticed the node is gone");
        int[] before = requestCounts();
        for (int i = 0; i < 4; i++) {
            client.serialPut(key, "v" + i);
        }
        int[] after = requestCounts();
        assertEquals(before[replicas.get(1)] + 4, after[replicas.get(1)]);
        assertEquals(before[replicas.get(2)], after[replicas.get(2)]);
    }

    @Test
    void aSerialWriteShedBeforeExecutionIsRetriedOnTheNextReplica() throws Exception {
        connect();
        String key = "k";
        List<Integer> replicas = replicasOf(key);
        FakeStrataServer first = cluster.server(replicas.get(0));
        FakeStrataServer second = cluster.server(replicas.get(1));
        first.setResponder(request -> ErrorResponse.of(ErrorCode.OVERLOADED, "queues full"));
        assertTrue(client.putIfAbsent(key, "v").applied());
        first.setResponder(request -> ErrorResponse.unavailable(ConsistencyLevel.SERIAL, 2, 1));
        assertTrue(client.compareAndSet(key, "v", "w").applied());
        assertEquals(2, first.requestsReceived());
        assertEquals(2, second.requestsReceived(), "both ran on the second replica, which now holds w");
        GetResult stored = (GetResult) second.store().handle(new GetRequest("ks", ConsistencyLevel.ONE, Bytes.ofUtf8(key)));
        assertEquals(Bytes.ofUtf8("w"), stored.result().value());
    }

    @Test
    void aSerialWriteWhoseOutcomeIsUnknownIsNeverRetried() throws Exception {
        connect();
        String key = "k";
        List<Integer> replicas = replicasOf(key);
        FakeStrataServer first = cluster.server(replicas.get(0));
        first.setResponder(request -> ErrorResponse.of(ErrorCode.CONTENTION, "lost its rounds"));
        assertThrows(ContentionException.class, () -> client.compareAndSet(key, "a", "b"));
        first.setResponder(request -> ErrorResponse.timeout(ConsistencyLevel.SERIAL, TimeoutKind.PREPARE, 1, 2));
        RequestTimeoutException prepare = assertThrows(RequestTimeoutException.class, () -> client.putIfAbsent(key, "a"));
        assertEquals(TimeoutKind.PREPARE, prepare.kind());
        first.setResponder(request -> ErrorResponse.timeout(ConsistencyLevel.QUORUM, TimeoutKind.COMMIT, 1, 2));
        assertThrows(RequestTimeoutException.class, () -> client.serialPut(key, "a"));

        first.setResponder(null);
        first.setSilent(true);
        CompletableFuture<CasResult> inFlight = client.deleteIfAsync(key, "a");
        await(() -> first.requestsReceived() == 4, "the delete-if reached the first replica");
        first.dropConnections();
        ExecutionException e = assertThrows(ExecutionException.class, () -> inFlight.get(10, TimeUnit.SECONDS));
        assertTrue(assertInstanceOf(ConnectionException.class, e.getCause()).wasRequestSent());

        int[] counts = requestCounts();
        assertEquals(4, counts[replicas.get(0)]);
        assertEquals(0, counts[replicas.get(1)] + counts[replicas.get(2)], "nothing went on to another replica: "
                + Arrays.toString(counts));
        assertFalse(inFlight.isCancelled());
    }
}
