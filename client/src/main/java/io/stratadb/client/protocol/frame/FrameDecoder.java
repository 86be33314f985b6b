package io.stratadb.client.protocol.frame;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.FrameTooLargeException;
import io.stratadb.client.protocol.ProtocolException;
import io.stratadb.client.protocol.ProtocolLimits;
import io.stratadb.client.protocol.ProtocolVersion;
import java.util.List;

/**
 * Cuts the inbound byte stream into {@link Frame}s. The body is a retained slice of the cumulation
 * buffer, so nothing is copied.
 *
 * <p>The header is checked as soon as its 9 bytes are in: an unknown version or a body length above the
 * limit fails at once, before a single body byte is buffered, so a header claiming 2 GiB costs nothing.
 * Those failures are fatal (the stream can no longer be trusted); the exception carries the stream id so
 * the server can answer with an ERROR frame before closing, and all later input is discarded. Checks that
 * leave the framing intact (flags, opcode, body contents) happen further up, per frame.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
    private final int maxBodyBytes;
    private boolean failed;

    public FrameDecoder() {
        this(ProtocolLimits.DEFAULT_MAX_BODY_BYTES);
    }

    public FrameDecoder(int maxBodyBytes) {
        if (maxBodyBytes < 0) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 0");
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (in.readableBytes() < FrameHeader.LENGTH) {
            return;
        }
        int start = in.readerIndex();
        int versionByte = in.getUnsignedByte(start + FrameHeader.VERSION_OFFSET);
        int streamId = in.getUnsignedShort(start + FrameHeader.STREAM_OFFSET);
        long bodyLength = in.getUnsignedInt(start + FrameHeader.BODY_LENGTH_OFFSET);
        int version = versionByte & FrameHeader.VERSION_MASK;
        if (ProtocolVersion.fromCode(version) == null) {
            throw fail(in, new ProtocolException(ErrorCode.PROTOCOL_ERROR, streamId, true,
                    "unsupported protocol version " + version + "; this peer speaks up to "
                            + ProtocolVersion.newest().code()));
        }
        if (bodyLength > maxBodyBytes) {
            throw fail(in, new FrameTooLargeException(streamId, bodyLength, maxBodyBytes, true));
        }
        int frameLength = FrameHeader.LENGTH + (int) bodyLength;
        if (in.readableBytes() < frameLength) {
            return;
        }
        ByteBuf body = in.retainedSlice(start + FrameHeader.LENGTH, (int) bodyLength);
        in.skipBytes(frameLength);
        out.add(new Frame(version, (versionByte & FrameHeader.RESPONSE_BIT) != 0,
                in.getUnsignedByte(start + FrameHeader.FLAGS_OFFSET), streamId,
                in.getUnsignedByte(start + FrameHeader.OPCODE_OFFSET), body));
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        decode(ctx, in, out);
        if (!failed && in.isReadable()) {
            // The peer closed mid-frame. Nobody is left to answer, but the handler should still hear why.
            int streamId = in.readableBytes() >= FrameHeader.STREAM_OFFSET + 2
                    ? in.getUnsignedShort(in.readerIndex() + FrameHeader.STREAM_OFFSET)
                    : ProtocolException.NO_STREAM;
            int have = in.readableBytes();
            in.skipBytes(have);
            throw new ProtocolException(ErrorCode.PROTOCOL_ERROR, streamId, true,
                    "connection closed inside a frame after " + have + " bytes");
        }
    }

    private ProtocolException fail(ByteBuf in, ProtocolException e) {
        failed = true;
        in.skipBytes(in.readableBytes());
        return e;
    }
}
