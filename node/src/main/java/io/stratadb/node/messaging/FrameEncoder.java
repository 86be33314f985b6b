package io.stratadb.node.messaging;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;

import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link Handshake} or an {@link Envelope} as bytes. The payload is encoded straight into the
 * frame buffer and its length patched in afterwards, so there is one buffer per message and no copy.
 * A payload over the limit fails the write (the sender counts it as dropped) rather than being sent to
 * a peer that would close the connection over it.
 */
final class FrameEncoder extends MessageToByteEncoder<Object> {

    private final int maxPayloadBytes;

    FrameEncoder(int maxPayloadBytes) {
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, ByteBuf out) {
        if (msg instanceof Handshake h) {
            byte[] host = h.source().host().getBytes(StandardCharsets.UTF_8);
            out.writeInt(FrameFormat.MAGIC);
            out.writeByte(h.version());
            out.writeByte(host.length);
            out.writeBytes(host);
            out.writeShort(h.source().port());
            return;
        }
        Envelope e = (Envelope) msg;
        int start = out.writerIndex();
        out.writeByte(FrameFormat.VERSION);
        out.writeShort(e.verb().id());
        out.writeByte(e.kind().flag());
        out.writeLong(e.requestId());
        out.writeInt(0);
        e.verb().encodePayload(e.message().payload(), out);
        int length = out.writerIndex() - start - FrameFormat.HEADER_BYTES;
        if (length > maxPayloadBytes) {
            throw new MessagingException(e.verb() + " payload of " + length + " bytes exceeds the maximum of "
                    + maxPayloadBytes);
        }
        out.setInt(start + FrameFormat.LENGTH_OFFSET, length);
    }
}
