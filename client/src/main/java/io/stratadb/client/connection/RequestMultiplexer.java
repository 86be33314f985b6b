package io.stratadb.client.connection;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.EncoderException;
import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.Envelope;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tail of a client connection's pipeline: gives each outbound {@link PendingRequest} a stream id and
 * matches each inbound answer to its request by that id. Everything here runs on the channel's event loop,
 * so the in-flight table needs no locks.
 *
 * <p>When the connection closes, every request still in the table fails with a {@link ConnectionException}
 * saying whether it was written (outcome unknown) or not (no effect). When more than {@code maxOrphans}
 * timed-out requests hold stream ids, the server is evidently not answering on this connection: it is
 * <em>retired</em> (the {@code retired} future completes, so the pool opens a replacement and stops using
 * it) and closed as soon as no caller waits on it any more.
 */
public final class RequestMultiplexer extends ChannelDuplexHandler {
    private static final Logger log = LoggerFactory.getLogger(RequestMultiplexer.class);

    private final InetSocketAddress address;
    private final InFlightLimit limit;
    private final int maxOrphans;
    private final CompletableFuture<Void> retired;
    private final InFlightRequests inFlight = new InFlightRequests();
    private ChannelHandlerContext ctx;
    private boolean closed;
    private Throwable closeCause;

    public RequestMultiplexer(InetSocketAddress address, InFlightLimit limit, int maxOrphans,
                              CompletableFuture<Void> retired) {
        this.address = address;
        this.limit = limit;
        this.maxOrphans = maxOrphans;
        this.retired = retired;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    /** For tests and metrics; event loop only. */
    InFlightRequests inFlight() {
        return inFlight;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof PendingRequest request)) {
            ctx.write(msg, promise);
            return;
        }
        if (closed) {
            failUnregistered(request, notSent("the connection is closed", closeCause));
            return;
        }
        if (request.result().isDone()) {
            limit.release(); // timed out while waiting to be written: never sent
            return;
        }
        int streamId = inFlight.register(request);
        if (streamId == StreamIdAllocator.NONE) {
            failUnregistered(request, notSent("no free stream id", null));
            return;
        }
        ChannelPromise written = ctx.newPromise();
        written.addListener((ChannelFuture f) -> onWritten(request, streamId, f));
        ctx.write(new Envelope(streamId, request.request()), written);
    }

    private void onWritten(PendingRequest request, int streamId, ChannelFuture f) {
        if (f.isSuccess()) {
            request.markWritten();
            return;
        }
        if (inFlight.get(streamId) != request) {
            return; // already failed by channelInactive
        }
        inFlight.remove(streamId);
        limit.release();
        Throwable cause = f.cause();
        if (cause instanceof EncoderException) {
            // Not the connection's fault, so not a ConnectionException: failing over would fail again.
            request.fail(new IllegalArgumentException("cannot encode " + request.request().opcode() + ": "
                    + cause.getMessage(), cause));
        } else {
            request.fail(notSent("writing the request failed", cause));
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Envelope envelope)) {
            ctx.fireChannelRead(msg);
            return;
        }
        PendingRequest request = inFlight.remove(envelope.streamId());
        if (request == null) {
            if (envelope.message() instanceof ErrorResponse error) {
                // Stream 0 carries errors the server could not tie to a frame; it usually closes next.
                log.warn("{} reported {} on stream {}: {}", address, error.code(), envelope.streamId(),
                        error.message());
                if (error.code() == ErrorCode.PROTOCOL_ERROR || error.code() == ErrorCode.FRAME_TOO_LARGE) {
                    closeCause = new IllegalStateException(error.code() + ": " + error.message());
                }
            } else {
                log.warn("{} answered {} on stream {}, which has no request", address,
                        envelope.message().opcode(), envelope.streamId());
            }
            return;
        }
        limit.release();
        // The client's MessageCodec only lets response opcodes through, so this cast cannot fail.
        request.complete((Response) envelope.message()); // false for a late answer to an orphan: nobody waits for it
        closeIfRetiredAndIdle();
    }

    /** Called on the event loop after a request's client-side timeout failed it. */
    void onTimeout(PendingRequest request) {
        if (!inFlight.markOrphaned(request)) {
            return;
        }
        if (inFlight.orphans() > maxOrphans && retired.complete(null)) {
            log.warn("{}: {} requests timed out and still hold stream ids; replacing the connection", address,
                    inFlight.orphans());
        }
        closeIfRetiredAndIdle();
    }

    private void closeIfRetiredAndIdle() {
        if (retired.isDone() && inFlight.live() == 0 && !closed) {
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        for (PendingRequest request : inFlight.removeAll()) {
            limit.release();
            request.fail(request.isWritten()
                    ? new ConnectionException(address, true, "connection to " + address
                    + " closed with the request in flight; the outcome is unknown" + because(closeCause), closeCause)
                    : notSent("the connection closed before the request was written", closeCause));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A response we cannot decode, or an I/O error: either way the byte stream can no longer be trusted.
        if (closeCause == null) {
            closeCause = cause;
        }
        log.warn("closing the connection to {}: {}", address, cause.toString());
        ctx.close();
    }

    private void failUnregistered(PendingRequest request, ConnectionException e) {
        limit.release();
        request.fail(e);
    }

    private ConnectionException notSent(String why, Throwable cause) {
        return new ConnectionException(address, false, "request not sent to " + address + ": " + why
                + because(cause), cause == null || cause instanceof ClosedChannelException ? null : cause);
    }

    private static String because(Throwable cause) {
        return cause == null || cause instanceof ClosedChannelException ? "" : " (" + cause + ")";
    }
}
