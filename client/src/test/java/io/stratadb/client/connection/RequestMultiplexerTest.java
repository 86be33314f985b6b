package io.stratadb.client.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.EncoderException;
import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.exception.RequestTimeoutException;
import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.ProtocolException;
import io.stratadb.client.protocol.codec.Envelope;
import io.stratadb.client.protocol.message.data.GetRequest;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.data.ValueResult;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The multiplexer alone on an in-memory channel: envelopes in, envelopes out, no bytes. */
class RequestMultiplexerTest {
    private static final InetSocketAddress ADDRESS = new InetSocketAddress("127.0.0.1", 9470);
    private static final int MAX_ORPHANS = 2;

    private final InFlightLimit limit = new InFlightLimit(16);
    private final CompletableFuture<Void> retired = new CompletableFuture<>();
    private final RequestMultiplexer multiplexer = new RequestMultiplexer(ADDRESS, limit, MAX_ORPHANS, retired);
    private final EmbeddedChannel channel = new EmbeddedChannel(multiplexer);

    private PendingRequest send(String key) {
        assertTrue(limit.tryAcquire());
        PendingRequest request = new PendingRequest(new GetRequest("ks", ConsistencyLevel.ONE, Bytes.ofUtf8(key)),
                1_000_000_000L);
        channel.writeAndFlush(request);
        return request;
    }

    private Envelope written() {
        Envelope e = channel.readOutbound();
        assertTrue(e != null, "the request should have been written");
        return e;
    }

    private static GetResult value(String v) {
        return new GetResult(ValueResult.of(Bytes.ofUtf8(v), 1));
    }

    private static Throwable failure(PendingRequest request) {
        assertTrue(request.result().isCompletedExceptionally(), request + " should have failed");
        try {
            request.result().join();
            throw new AssertionError("unreachable");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    @Test
    void answersFindTheirRequestsByStreamInAnyOrder() {
        List<PendingRequest> requests = new ArrayList<>();
        List<Integer> streams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            requests.add(send("k" + i));
            Envelope e = written();
            assertSame(requests.get(i).request(), e.message());
            assertTrue(e.streamId() > 0, "stream 0 is never used for requests");
            streams.add(e.streamId());
        }
        for (int i = 2; i >= 0; i--) {
            channel.writeInbound(new Envelope(streams.get(i), value("v" + i)));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(value("v" + i), requests.get(i).result().join());
            assertTrue(requests.get(i).isWritten());
        }
        assertEquals(0, limit.inFlight(), "every permit is back");
        assertEquals(0, multiplexer.inFlight().size());
    }

    @Test
    void errorsAreAnswersToo() {
        PendingRequest request = send("k");
        ErrorResponse error = ErrorResponse.unknownKeyspace("ks");
        channel.writeInbound(new Envelope(written().streamId(), error));
        assertEquals(error, request.result().join(), "mapping ERROR to an exception is the caller's business");
    }

    @Test
    void anAnswerOnAStreamWithoutARequestIsIgnored() {
        PendingRequest request = send("k");
        int stream = written().streamId();
        channel.writeInbound(new Envelope(stream + 1, new PutResult(5)));
        channel.writeInbound(new Envelope(0, ErrorResponse.of(ErrorCode.SERVER_ERROR, "stray")));
        assertTrue(channel.isActive());
        assertFalse(request.result().isDone());
        channel.writeInbound(new Envelope(stream, value("v")));
        assertEquals(value("v"), request.result().join());
    }

    @Test
    void closingFailsRequestsInFlightWithAnUnknownOutcome() {
        PendingRequest request = send("k");
        written();
        channel.close();
        ConnectionException e = assertInstanceOf(ConnectionException.class, failure(request));
        assertTrue(e.wasRequestSent());
        assertFalse(e.requestHadNoEffect(), "the server may have executed it");
        assertEquals(ADDRESS, e.address());
        assertEquals(0, limit.inFlight());
    }

    @Test
    void aFailedWriteMeansTheRequestWasNotSent() {
        channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                promise.setFailure(new IOException("broken pipe"));
            }
        });
        PendingRequest request = send("k");
        ConnectionException e = assertInstanceOf(ConnectionException.class, failure(request));
        assertFalse(e.wasRequestSent());
        assertTrue(e.requestHadNoEffect());
        assertEquals(0, limit.inFlight());
        assertEquals(0, multiplexer.inFlight().size(), "the stream id is free again");
    }

    @Test
    void aRequestThatCannotBeEncodedFailsAsABadArgumentNotAConnectionFault() {
        channel.pipeline().addFirst(new ChannelOutboundHandlerAdapter() {
            @Override
            public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
                promise.setFailure(new EncoderException("too big"));
            }
        });
        PendingRequest request = send("k");
        assertInstanceOf(IllegalArgumentException.class, failure(request));
        assertTrue(channel.isActive());
    }

    @Test
    void aRequestThatTimedOutBeforeItsWriteIsDroppedAndItsPermitReturned() {
        assertTrue(limit.tryAcquire());
        PendingRequest request = new PendingRequest(new GetRequest("ks", ConsistencyLevel.ONE, Bytes.ofUtf8("k")),
                1_000L);
        request.fail(request.clientTimeout("test"));
        channel.writeAndFlush(request);
        assertNull(channel.readOutbound(), "never sent");
        assertEquals(0, limit.inFlight());
    }

    @Test
    void aTimedOutRequestKeepsItsStreamUntilTheLateAnswerArrives() {
        PendingRequest request = send("k");
        int stream = written().streamId();
        request.fail(request.clientTimeout("test"));
        multiplexer.onTimeout(request);
        assertEquals(1, multiplexer.inFlight().orphans());
        assertEquals(1, limit.inFlight(), "the orphan holds its permit: a slow server looks busy");

        channel.writeInbound(new Envelope(stream, value("late")));
        assertEquals(0, multiplexer.inFlight().size());
        assertEquals(0, limit.inFlight());
        assertInstanceOf(RequestTimeoutException.class, failure(request), "the caller saw the timeout, not the answer");
    }

    @Test
    void tooManyOrphansRetireTheConnectionWhichClosesOnceNobodyWaits() {
        List<PendingRequest> timedOut = new ArrayList<>();
        for (int i = 0; i <= MAX_ORPHANS; i++) {
            timedOut.add(send("t" + i));
            written();
        }
        PendingRequest live = send("live");
        int liveStream = written().streamId();
        for (PendingRequest request : timedOut) {
            request.fail(request.clientTimeout("test"));
            multiplexer.onTimeout(request);
        }
        assertTrue(retired.isDone(), "more than " + MAX_ORPHANS + " orphans");
        assertTrue(channel.isActive(), "a caller still waits on this connection");

        channel.writeInbound(new Envelope(liveStream, value("v")));
        assertEquals(value("v"), live.result().join());
        assertFalse(channel.isActive(), "retired and idle: closed");
        assertEquals(0, limit.inFlight());
    }

    @Test
    void anUndecodableAnswerClosesTheConnection() {
        PendingRequest request = send("k");
        written();
        ProtocolException decodeError = new ProtocolException(ErrorCode.PROTOCOL_ERROR, 3, false, "bad body");
        channel.pipeline().fireExceptionCaught(decodeError);
        assertFalse(channel.isActive());
        ConnectionException e = assertInstanceOf(ConnectionException.class, failure(request));
        assertSame(decodeError, e.getCause());
        assertTrue(e.getMessage().contains("bad body"), e.getMessage());
    }
}
