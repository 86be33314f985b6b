package io.stratadb.node.transport;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.stratadb.client.protocol.codec.CodecRegistry;
import io.stratadb.client.protocol.handshake.HandshakeNegotiator;
import io.stratadb.client.protocol.handshake.ProtocolPipeline;
import io.stratadb.node.metrics.NodeMetrics;
import io.stratadb.node.service.RequestHandlers;
import io.stratadb.storage.Clock;

/**
 * The handlers of one client connection, head to tail: connection tracking, flush consolidation, then
 * the protocol stack from the client module (frame decoder and encoder with the maximum frame size,
 * message codec, handshake, protocol-error responder), the error counter just above the codec, and the
 * request dispatcher.
 */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** Flush at least every this many answers even while a read burst goes on, to bound latency. */
    private static final int FLUSHES_BEFORE_FORCED_FLUSH = 256;

    private final CodecRegistry codecs;
    private final HandshakeNegotiator negotiator;
    private final int maxFrameBytes;
    private final ConnectionTracker tracker;
    private final ErrorCounter errorCounter;
    private final RequestHandlers handlers;
    private final InFlightLimiter limiter;
    private final int maxPerConnection;
    private final NodeMetrics metrics;
    private final Clock clock;

    ClientChannelInitializer(CodecRegistry codecs, HandshakeNegotiator negotiator, int maxFrameBytes,
                             ConnectionTracker tracker, RequestHandlers handlers, InFlightLimiter limiter,
                             int maxPerConnection, NodeMetrics metrics, Clock clock) {
        this.codecs = codecs;
        this.negotiator = negotiator;
        this.maxFrameBytes = maxFrameBytes;
        this.tracker = tracker;
        this.errorCounter = new ErrorCounter(metrics);
        this.handlers = handlers;
        this.limiter = limiter;
        this.maxPerConnection = maxPerConnection;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ChannelPipeline p = ch.pipeline();
        p.addLast("connection-tracker", tracker);
        // consolidateWhenNoReadInProgress: answers completed off the event loop (writes acknowledged by the
        // commit log, reads from the read stage) are flushed together too, not one syscall each.
        p.addLast("flush-consolidation", new FlushConsolidationHandler(FLUSHES_BEFORE_FORCED_FLUSH, true));
        ProtocolPipeline.addServerHandlers(p, codecs, maxFrameBytes, negotiator);
        p.addAfter(ProtocolPipeline.MESSAGE_CODEC, "error-counter", errorCounter);
        p.addLast("dispatcher", new RequestDispatcher(handlers, limiter, maxPerConnection, metrics, clock));
    }
}
