package io.stratadb.node.transport;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.Envelope;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.node.errors.ErrorMapper;
import io.stratadb.node.metrics.NodeMetrics;
import io.stratadb.node.service.RequestHandlers;
import io.stratadb.storage.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;

/**
 * The last handler of a client connection: admits each decoded request against the per-connection and
 * node-wide in-flight bounds (OVERLOADED past them, before anything runs), hands it to its
 * {@link io.stratadb.node.service.RequestHandler}, and writes the answer on the request's stream when the
 * handler's future completes, back on this channel's event loop. One instance per connection; its
 * counter is only touched on the event loop.
 *
 * <p>Answers are written with a flush each; the {@code FlushConsolidationHandler} at the head of the
 * pipeline turns many of those into one syscall.
 */
public final class RequestDispatcher extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

    private final RequestHandlers handlers;
    private final InFlightLimiter limiter;
    private final int maxPerConnection;
    private final NodeMetrics metrics;
    private final Clock clock;
    private int inFlight;

    public RequestDispatcher(RequestHandlers handlers, InFlightLimiter limiter, int maxPerConnection, NodeMetrics metrics,
                             Clock clock) {
        this.handlers = handlers;
        this.limiter = limiter;
        this.maxPerConnection = maxPerConnection;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Envelope envelope) || !(envelope.message() instanceof Request request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        long start = clock.nanoTime();
        int stream = envelope.streamId();
        String refusal = admit();
        if (refusal != null) {
            ctx.writeAndFlush(new Envelope(stream, ErrorResponse.of(ErrorCode.OVERLOADED, refusal)), ctx.voidPromise());
            return;
        }
        inFlight++;
        CompletableFuture<? extends Response> answer = handlers.dispatch(request);
        if (answer.isDone()) {
            finish(ctx, stream, request.opcode(), start, answer);
            return;
        }
        answer.whenComplete((ignoredResult, ignoredError) -> {
            try {
                ctx.executor().execute(() -> finish(ctx, stream, request.opcode(), start, answer));
            } catch (RejectedExecutionException e) {
                // The event loop is gone (the node is closing): nobody to answer, but give the permit back.
                limiter.release();
            }
        });
    }

    /** Null if the request may run, else why it is refused. */
    private String admit() {
        if (limiter.isDraining()) {
            return "node is shutting down";
        }
        if (inFlight >= maxPerConnection) {
            return "too many requests in flight on this connection (max_in_flight_per_connection " + maxPerConnection + ")";
        }
        if (!limiter.tryAcquire()) {
            return limiter.isDraining() ? "node is shutting down"
                    : "too many requests in flight on this node (max_in_flight_total " + limiter.max() + ")";
        }
        return null;
    }

    private void finish(ChannelHandlerContext ctx, int stream, Opcode op, long start,
                        CompletableFuture<? extends Response> answer) {
        Response response;
        try {
            response = answer.join();
        } catch (RuntimeException e) {
            response = ErrorMapper.toResponse(e);
        }
        ctx.writeAndFlush(new Envelope(stream, response), ctx.voidPromise());
        metrics.requestFinished(op, clock.nanoTime() - start);
        inFlight--;
        // Released after the answer is queued on the channel, so a drained shutdown never closes a
        // connection ahead of an answer it owes.
        limiter.release();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Protocol errors were answered by the responder before us; what reaches here is the socket
        // failing (reset by peer) or a bug. Either way this connection is done.
        log.debug("Closing client connection {} after {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
