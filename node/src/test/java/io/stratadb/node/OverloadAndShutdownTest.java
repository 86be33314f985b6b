package io.stratadb.node;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.Envelope;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.protocol.message.error.TimeoutDetails;
import io.stratadb.client.protocol.message.error.TimeoutKind;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceResult;
import io.stratadb.node.config.NodeConfig;
import io.stratadb.node.testing.GatedFileSystem;
import io.stratadb.node.testing.ProtocolClient;
import io.stratadb.node.testing.TestNodes;
import io.stratadb.storage.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.stratadb.node.testing.Requests.bytes;
import static io.stratadb.node.testing.Requests.createKeyspace;
import static io.stratadb.node.testing.Requests.get;
import static io.stratadb.node.testing.Requests.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In-flight bounds, write timeouts and graceful shutdown. Writes are held in flight by a file system whose commit-log
 * fsyncs wait at a gate the test opens, so nothing depends on timing.
 */
class OverloadAndShutdownTest {

    @TempDir
    Path dir;
    GatedFileSystem fs = new GatedFileSystem();
    StrataNode node;

    @AfterEach
    void stop() {
        fs.open();
        if (node != null) {
            node.close();
        }
    }

    private void start(int perConnection, int total) {
        start(TestNodes.config(dir).maxInFlightPerConnection(perConnection).maxInFlightTotal(total).build());
    }

    private void start(NodeConfig config) {
        node = new StrataNode(config, new NodeEnvironment(Clock.system(), fs.fileSystem()));
        node.start();
    }

    @Test
    void aWriteTheCommitLogHoldsTooLongTimesOutWithCounts() throws IOException {
        start(TestNodes.config(dir).writeTimeoutMs(300).build());
        try (ProtocolClient c = ProtocolClient.connect(node.clientAddress())) {
            c.expect(createKeyspace("ks", 1), CreateKeyspaceResult.class);
            fs.shut();
            ErrorResponse timeout = c.expectError(put("ks", "slow", "v"), ErrorCode.TIMEOUT);
            assertEquals(new TimeoutDetails(
                    ConsistencyLevel.ONE,
                    TimeoutKind.WRITE, 0, 1), timeout.details());
            fs.open();
            // TIMEOUT means "unknown": this write was still queued and lands once the disk answers.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!c.expect(get("ks", "slow"), GetResult.class).result().found()) {
                assertTrue(System.nanoTime() < deadline, "the timed-out write never landed");
            }
        }
    }

    /** Waits (without sleeping) until a commit-log fsync is held at the gate. */
    private void awaitHeldFsync() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (fs.waiting() < 1) {
            assertTrue(System.nanoTime() < deadline, "no write reached the commit log");
            Thread.onSpinWait();
        }
    }

    /** Waits (without sleeping) until the node counts {@code n} requests in flight. */
    private void awaitInFlight(int n) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (node.metricsSnapshot().get("client.requests.in-flight", "value").intValue() < n) {
            assertTrue(System.nanoTime() < deadline, "requests never reached the node");
            Thread.onSpinWait();
        }
    }

    @Test
    void pastThePerConnectionBoundRequestsAreOverloadedAndNotExecuted() throws IOException {
        start(2, 100);
        try (ProtocolClient c = ProtocolClient.connect(node.clientAddress())) {
            c.expect(createKeyspace("ks", 1), CreateKeyspaceResult.class);
            fs.shut();
            int s1 = c.send(put("ks", "a", "1"));
            int s2 = c.send(put("ks", "b", "2"));
            awaitHeldFsync();
            int s3 = c.send(put("ks", "c", "3"));
            Envelope refused = c.receive();
            assertEquals(s3, refused.streamId());
            ErrorResponse error = (ErrorResponse) refused.message();
            assertEquals(ErrorCode.OVERLOADED, error.code());
            assertTrue(error.message().contains("max_in_flight_per_connection"), error.message());

            fs.open();
            Map<Integer, Response> answers = new HashMap<>();
            answers.put(c.receive().streamId(), null);
            answers.put(c.receive().streamId(), null);
            assertEquals(Set.of(s1, s2), answers.keySet());
            assertTrue(c.expect(get("ks", "a"), GetResult.class).result().found());
            assertFalse(c.expect(get("ks", "c"), GetResult.class).result().found(), "OVERLOADED means not executed");
            assertTrue(node.metricsSnapshot().get("client.error.overloaded", "count").longValue() >= 1);
        }
    }

    @Test
    void pastTheNodeWideBoundRequestsAreOverloaded() throws IOException {
        start(10, 10);
        try (ProtocolClient a = ProtocolClient.connect(node.clientAddress());
             ProtocolClient b = ProtocolClient.connect(node.clientAddress())) {
            a.expect(createKeyspace("ks", 1), CreateKeyspaceResult.class);
            fs.shut();
            for (int i = 0; i < 10; i++) {
                a.send(put("ks", "a" + i, "v"));
            }
            awaitInFlight(10);
            ErrorResponse refused = b.expectError(get("ks", "a0"), ErrorCode.OVERLOADED);
            assertTrue(refused.message().contains("max_in_flight_total"), refused.message());
            fs.open();
            for (int i = 0; i < 10; i++) {
                assertInstanceOf(PutResult.class, a.receive().message());
            }
            b.expect(get("ks", "a0"), GetResult.class);
        }
    }

    @Test
    void closeFinishesInFlightWritesAndRefusesNewOnes() throws Exception {
        start(100, 100);
        try (ProtocolClient c = ProtocolClient.connect(node.clientAddress())) {
            c.expect(createKeyspace("ks", 1), CreateKeyspaceResult.class);
            fs.shut();
            int held = c.send(put("ks", "held", "v"));
            awaitHeldFsync();
            CompletableFuture<Void> closing = CompletableFuture.runAsync(node::close);
            // Reads are not held at the gate: probe until the node starts refusing, which it does once
            // close() is draining. A refused request has done nothing.
            ErrorResponse refused = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (refused == null) {
                assertTrue(System.nanoTime() < deadline, "node never started refusing");
                Response r = c.call(get("ks", "probe"));
                if (r instanceof ErrorResponse e) {
                    refused = e;
                }
            }
            assertEquals(ErrorCode.OVERLOADED, refused.code());
            assertTrue(refused.message().contains("shutting down"), refused.message());
            assertFalse(closing.isDone(), "close waits for the held write");
            fs.open();
            Envelope answer = c.receive();
            assertEquals(held, answer.streamId());
            assertInstanceOf(PutResult.class, answer.message(), "the in-flight write was finished and answered");
            assertNull(c.receive(), "then the connection is closed");
            closing.get(30, TimeUnit.SECONDS);
        }
        node = new StrataNode(TestNodes.config(dir).build());
        node.start();
        try (ProtocolClient c = ProtocolClient.connect(node.clientAddress())) {
            assertEquals(bytes("v"), c.expect(get("ks", "held"), GetResult.class).result().value());
        }
    }

}
