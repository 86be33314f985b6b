package io.stratadb.client.protocol.handshake;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.codec.Envelope;
import io.stratadb.client.protocol.message.error.ErrorResponse;

/**
 * Server side of the handshake. Until a HELLO has been accepted every other request is answered with
 * PROTOCOL_ERROR on its own stream and goes no further; a HELLO nobody can agree on is answered with
 * PROTOCOL_ERROR and the connection is closed. After READY it enables compression if chosen, fires
 * {@link HandshakeCompleted}, and passes requests up (refusing a second HELLO).
 */
public final class ServerHandshakeHandler extends ChannelInboundHandlerAdapter {
    private final HandshakeNegotiator negotiator;
    private final int maxBodyBytes;
    private HandshakeNegotiator.Accepted accepted;

    public ServerHandshakeHandler(HandshakeNegotiator negotiator, int maxBodyBytes) {
        this.negotiator = negotiator;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** What was agreed, or {@code null} before the handshake completed. */
    public HandshakeNegotiator.Accepted accepted() {
        return accepted;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Envelope envelope)) {
            ctx.fireChannelRead(msg);
            return;
        }
        boolean isHello = envelope.message() instanceof Hello;
        if (accepted != null) {
            if (isHello) {
                refuse(ctx, envelope, "the handshake is already complete");
            } else {
                ctx.fireChannelRead(msg);
            }
            return;
        }
        if (!isHello) {
            refuse(ctx, envelope, "the first request on a connection must be HELLO, not " + envelope.message().opcode());
            return;
        }
        HandshakeNegotiator.Outcome outcome = negotiator.negotiate((Hello) envelope.message());
        if (outcome instanceof HandshakeNegotiator.Rejected rejected) {
            ctx.writeAndFlush(new Envelope(envelope.streamId(), rejected.error()))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        accepted = (HandshakeNegotiator.Accepted) outcome;
        // READY goes through the pipeline as it is now, uncompressed; only later frames are compressed.
        ctx.writeAndFlush(new Envelope(envelope.streamId(), accepted.ready()));
        if (accepted.compression() == Compression.LZ4) {
            ProtocolPipeline.enableCompression(ctx.pipeline(), maxBodyBytes);
        }
        ctx.fireUserEventTriggered(new HandshakeCompleted(accepted.version(), accepted.compression(),
                accepted.clientName()));
    }

    private static void refuse(ChannelHandlerContext ctx, Envelope envelope, String why) {
        ctx.writeAndFlush(new Envelope(envelope.streamId(), ErrorResponse.of(ErrorCode.PROTOCOL_ERROR, why)));
    }
}
