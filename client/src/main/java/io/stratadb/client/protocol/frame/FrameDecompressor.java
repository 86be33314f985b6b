package io.stratadb.client.protocol.frame;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;

/**
 * Decompresses inbound frames that carry the compressed flag; others pass through. Installed only after
 * the handshake chose LZ4, so before that a compressed frame reaches the message codec still flagged and
 * is refused there.
 */
public final class FrameDecompressor extends MessageToMessageDecoder<Frame> {
    private final Lz4BodyCompression compression;

    public FrameDecompressor(Lz4BodyCompression compression) {
        this.compression = compression;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, Frame frame, List<Object> out) {
        if (!frame.isCompressed()) {
            out.add(frame.retain());
            return;
        }
        out.add(frame.withBody(frame.flags() & ~FrameHeader.FLAG_COMPRESSED,
                compression.decompress(ctx.alloc(), frame.content(), frame.streamId())));
    }
}
