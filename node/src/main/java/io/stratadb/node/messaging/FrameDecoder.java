package io.stratadb.node.messaging;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.stratadb.gossip.state.Endpoint;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Cuts the inbound byte stream into a {@link Handshake} and then {@link InboundFrame}s. The payload
 * length is checked against the limit before any bytes are buffered, so an oversized or forged frame
 * costs nothing; after the first malformed byte the decoder discards everything (the handler closes the
 * connection, since there is no way to find the next frame boundary).
 */
final class FrameDecoder extends ByteToMessageDecoder {

    private final int maxPayloadBytes;
    private boolean handshakeDone;
    private boolean failed;

    FrameDecoder(int maxPayloadBytes) {
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            if (!handshakeDone) {
                decodeHandshake(in, out);
            }
            while (handshakeDone && decodeFrame(in, out)) {
                // one frame per iteration; ByteToMessageDecoder also loops, this just saves calls
            }
        } catch (MalformedFrameException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw e;
        }
    }

    private void decodeHandshake(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < 6) {
            return;
        }
        int start = in.readerIndex();
        int magic = in.getInt(start);
        if (magic != FrameFormat.MAGIC) {
            throw new MalformedFrameException(String.format("bad handshake magic 0x%08x", magic));
        }
        int version = in.getUnsignedByte(start + 4);
        if (version != FrameFormat.VERSION) {
            throw new MalformedFrameException("unsupported internode protocol version " + version
                    + " (this node speaks " + FrameFormat.VERSION + ")");
        }
        int hostLength = in.getUnsignedByte(start + 5);
        if (in.readableBytes() < 6 + hostLength + 2) {
            return;
        }
        in.skipBytes(6);
        String host = in.readCharSequence(hostLength, StandardCharsets.UTF_8).toString();
        int port = in.readUnsignedShort();
        Endpoint source;
        try {
            source = new Endpoint(host, port);
        } catch (IllegalArgumentException e) {
            throw new MalformedFrameException("invalid source endpoint in handshake: " + e.getMessage(), e);
        }
        handshakeDone = true;
        out.add(new Handshake(version, source));
    }

    private boolean decodeFrame(ByteBuf in, List<Object> out) {
        if (in.readableBytes() < FrameFormat.HEADER_BYTES) {
            return false;
        }
        int start = in.readerIndex();
        int version = in.getUnsignedByte(start);
        if (version != FrameFormat.VERSION) {
            throw new MalformedFrameException("frame version " + version + ", expected " + FrameFormat.VERSION);
        }
        int length = in.getInt(start + FrameFormat.LENGTH_OFFSET);
        if (length < 0 || length > maxPayloadBytes) {
            throw new MalformedFrameException("frame payload of " + length + " bytes (max " + maxPayloadBytes + ")");
        }
        if (in.readableBytes() < FrameFormat.HEADER_BYTES + length) {
            return false;
        }
        in.skipBytes(1);
        int verbId = in.readUnsignedShort();
        int flags = in.readUnsignedByte();
        MessageKind kind = MessageKind.fromFlags(flags);
        if (kind == null || (flags & FrameFormat.RESERVED_FLAGS) != 0) {
            throw new MalformedFrameException(String.format("invalid frame flags 0x%02x", flags));
        }
        long requestId = in.readLong();
        in.skipBytes(4);
        out.add(new InboundFrame(verbId, kind, requestId, in.readRetainedSlice(length)));
        return true;
    }
}
