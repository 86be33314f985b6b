package io.stratadb.node.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.stratadb.client.protocol.codec.Envelope;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.node.metrics.NodeMetrics;

/**
 * Counts every ERROR the server sends by code, whoever wrote it: request handling, the handshake handler,
 * or the responder for undecodable frames. It sits just above the message codec, where all of them pass.
 */
@ChannelHandler.Sharable
final class ErrorCounter extends ChannelOutboundHandlerAdapter {

    private final NodeMetrics metrics;

    ErrorCounter(NodeMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof Envelope e && e.message() instanceof ErrorResponse error) {
            metrics.error(error.code());
        }
        ctx.write(msg, promise);
    }
}
