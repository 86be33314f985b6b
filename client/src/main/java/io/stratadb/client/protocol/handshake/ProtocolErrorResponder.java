package io.stratadb.client.protocol.handshake;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.stratadb.client.protocol.ProtocolException;
import io.stratadb.client.protocol.message.error.ErrorResponse;

/**
 * Server side: turns a {@link ProtocolException} raised by the decoders into an ERROR frame on the
 * offending stream, then closes the connection if the error was fatal (the byte stream is out of sync).
 * This is how "bad input gets a clear error, never a dropped connection without a reason" holds for
 * decoding. Other exceptions go on down the pipeline.
 */
public final class ProtocolErrorResponder extends ChannelInboundHandlerAdapter {
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (!(cause instanceof ProtocolException e)) {
            ctx.fireExceptionCaught(cause);
            return;
        }
        if (!ctx.channel().isActive()) {
            return; // the peer is gone (e.g. it closed mid-frame): nobody to answer
        }
        ChannelFuture written = ctx.writeAndFlush(ErrorResponse.answering(e));
        if (e.isFatal()) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
