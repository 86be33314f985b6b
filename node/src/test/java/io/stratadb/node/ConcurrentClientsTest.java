package io.stratadb.node;

import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceResult;
import io.stratadb.node.testing.ProtocolClient;
import io.stratadb.node.testing.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static io.stratadb.node.testing.Requests.bytes;
import static io.stratadb.node.testing.Requests.createKeyspace;
import static io.stratadb.node.testing.Requests.get;
import static io.stratadb.node.testing.Requests.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hundred connections at once, each writing its own keys (pipelined, then one at a time) and reading
 * them back: every write is acknowledged and every read sees it.
 */
class ConcurrentClientsTest {

    private static final int CONNECTIONS = 100;
    private static final int KEYS_PER_CONNECTION = 10;

    @TempDir
    Path dir;

    @Test
    void aHundredConnectionsPutAndGetConcurrently() throws Exception {
        try (StrataNode node = new StrataNode(TestNodes.config(dir).build())) {
            node.start();
            try (ProtocolClient admin = ProtocolClient.connect(node.clientAddress())) {
                admin.expect(createKeyspace("ks", 1), CreateKeyspaceResult.class);
            }
            ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
            try {
                List<CompletableFuture<Void>> clients = new ArrayList<>();
                for (int c = 0; c < CONNECTIONS; c++) {
                    int id = c;
                    clients.add(CompletableFuture.runAsync(() -> runClient(node, id), pool));
                }
                CompletableFuture.allOf(clients.toArray(new CompletableFuture<?>[0])).get(90, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
                assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
            }
            var snapshot = node.metricsSnapshot();
            assertEquals((long) CONNECTIONS * KEYS_PER_CONNECTION, snapshot.get("client.request.put", "count").longValue());
            // Permits are returned just after an answer is written, so the last may lag its answer a little.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (node.metricsSnapshot().get("client.requests.in-flight", "value").intValue() != 0) {
                assertTrue(System.nanoTime() < deadline, "requests still counted in flight");
                Thread.onSpinWait();
            }
        }
    }

    private static void runClient(StrataNode node, int id) {
        try (ProtocolClient c = ProtocolClient.connect(node.clientAddress())) {
            int half = KEYS_PER_CONNECTION / 2;
            // Half pipelined (many in flight on one connection), half one at a time.
            for (int i = 0; i < half; i++) {
                c.send(put("ks", "c" + id + "-k" + i, "v" + id + "-" + i));
            }
            for (int i = 0; i < half; i++) {
                assertTrue(c.receive().message() instanceof PutResult);
            }
            for (int i = half; i < KEYS_PER_CONNECTION; i++) {
                c.expect(put("ks", "c" + id + "-k" + i, "v" + id + "-" + i), PutResult.class);
            }
            for (int i = 0; i < KEYS_PER_CONNECTION; i++) {
                GetResult got = c.expect(get("ks", "c" + id + "-k" + i), GetResult.class);
                assertEquals(bytes("v" + id + "-" + i), got.result().value());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
