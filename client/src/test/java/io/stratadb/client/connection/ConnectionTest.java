package io.stratadb.client.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.exception.RequestTimeoutException;
import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.codec.Envelope;
import io.stratadb.client.protocol.message.data.PutRequest;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.error.TimeoutKind;
import io.stratadb.client.testing.ManualTimer;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A connection over an in-memory channel with a hand-driven timer: timeouts without sleeping. */
class ConnectionTest {
    private static final InetSocketAddress ADDRESS = new InetSocketAddress("127.0.0.1", 9470);
    private static final long TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ManualTimer timer = new ManualTimer();
    private final InFlightLimit limit = new InFlightLimit(2);
    private final CompletableFuture<Void> retired = new CompletableFuture<>();
    private final RequestMultiplexer multiplexer = new RequestMultiplexer(ADDRESS, limit, 1, retired);
    private final EmbeddedChannel channel = new EmbeddedChannel(multiplexer);
    private final Connection connection = new Connection(channel, ADDRESS, limit, multiplexer, timer, retired);

    private PendingRequest send() {
        assertTrue(connection.tryAcquire());
        PendingRequest request = new PendingRequest(new PutRequest("ks", ConsistencyLevel.QUORUM, Bytes.ofUtf8("k"),
                Bytes.ofUtf8("v")), TIMEOUT_NANOS);
        connection.send(request);
        channel.runPendingTasks(); // the write coalescer's drain
        return request;
    }

    private static Throwable failure(PendingRequest request) {
        try {
            request.result().join();
            throw new AssertionError("expected a failure");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void anAnswerInTimeCancelsTheTimeout() {
        PendingRequest request = send();
        Envelope written = channel.readOutbound();
        assertEquals(1, timer.pendingCount());
        channel.writeInbound(new Envelope(written.streamId(), new PutResult(7)));
        assertEquals(new PutResult(7), request.result().join());
        assertEquals(0, timer.pendingCount(), "cancelled");
        timer.advance(1, TimeUnit.SECONDS);
        assertEquals(0, connection.inFlight());
    }

    @Test
    void noAnswerInTimeFailsTheRequestAndKeepsItsStreamUntilTheLateAnswer() {
        PendingRequest request = send();
        Envelope written = channel.readOutbound();
        timer.advance(99, TimeUnit.MILLISECONDS);
        assertFalse(request.result().isDone());
        timer.advance(1, TimeUnit.MILLISECONDS);
        RequestTimeoutException e = assertInstanceOf(RequestTimeoutException.class, failure(request));
        assertTrue(e.isClientSide());
        assertEquals(TimeoutKind.WRITE, e.kind());
        assertEquals(ConsistencyLevel.QUORUM, e.consistency());
        assertTrue(e.getMessage().contains("100 ms"), e.getMessage());

        channel.runPendingTasks(); // the timer hands the orphan to the event loop
        assertEquals(1, multiplexer.inFlight().orphans());
        assertEquals(1, connection.inFlight());
        channel.writeInbound(new Envelope(written.streamId(), new PutResult(7)));
        assertEquals(0, connection.inFlight());
        assertTrue(connection.isUsable());
    }

    @Test
    void permitsBoundTheRequestsInFlight() {
        send();
        send();
        assertFalse(connection.tryAcquire(), "two permits");
        assertEquals(2, connection.inFlight());
    }

    @Test
    void tooManyOrphansRetireTheConnection() {
        send();
        send();
        timer.advance(1, TimeUnit.SECONDS);
        channel.runPendingTasks();
        assertTrue(retired.isDone());
        assertFalse(connection.isUsable());
        assertFalse(connection.tryAcquire());
        assertTrue(connection.closeFuture().isDone(), "no caller waits on it any more: closed");
    }

    @Test
    void aRequestSentAfterTheChannelClosedFailsAsNotSent() {
        channel.close();
        PendingRequest request = new PendingRequest(new PutRequest("ks", ConsistencyLevel.ONE, Bytes.ofUtf8("k"),
                Bytes.ofUtf8("v")), TIMEOUT_NANOS);
        assertFalse(connection.tryAcquire());
        assertTrue(limit.tryAcquire()); // as if the permit had been taken just before the close
        connection.send(request);
        channel.runPendingTasks();
        ConnectionException e = assertInstanceOf(ConnectionException.class, failure(request));
        assertFalse(e.wasRequestSent());
        assertEquals(0, limit.inFlight());
    }
}
