package io.stratadb.client.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;

/**
 * Compresses outbound frame bodies with LZ4 once the handshake has chosen it. Small bodies, and bodies
 * that do not shrink, go out uncompressed: the flag is per frame, so the receiver copes either way.
 */
public final class FrameCompressor extends MessageToMessageEncoder<Frame> {
    /** Below this, LZ4's block overhead and the 4-byte prefix are rarely worth it. */
    public static final int DEFAULT_MIN_BODY_BYTES = 128;

    private final Lz4BodyCompression compression;
    private final int minBodyBytes;

    public FrameCompressor(Lz4BodyCompression compression) {
        this(compression, DEFAULT_MIN_BODY_BYTES);
    }

    public FrameCompressor(Lz4BodyCompression compression, int minBodyBytes) {
        this.compression = compression;
        this.minBodyBytes = minBodyBytes;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Frame frame, List<Object> out) {
        ByteBuf compressed = null;
        if (!frame.isCompressed() && frame.content().readableBytes() >= minBodyBytes) {
            compressed = compression.compress(ctx.alloc(), frame.content());
        }
        if (compressed == null) {
            out.add(frame.retain());
        } else {
            out.add(frame.withBody(frame.flags() | FrameHeader.FLAG_COMPRESSED, compressed));
        }
    }
}
