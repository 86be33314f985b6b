package io.stratadb.client.protocol.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;

/** Hand-built frames and byte plumbing for tests that need to send exactly the bytes they mean. */
public final class RawFrames {
    private RawFrames() {
    }

    /** A frame whose header says exactly what is given; {@code body} is copied. */
    public static ByteBuf frame(int versionByte, int flags, int streamId, int opcode, byte[] body) {
        ByteBuf buf = ByteBufAllocator.DEFAULT.buffer(9 + body.length);
        buf.writeByte(versionByte).writeByte(flags).writeShort(streamId).writeByte(opcode).writeInt(body.length);
        buf.writeBytes(body);
        return buf;
    }

    /** A request frame of protocol version 1. */
    public static ByteBuf request(int streamId, int opcode, byte[] body) {
        return frame(0x01, 0, streamId, opcode, body);
    }

    /** Everything {@code channel} has written, joined into one buffer (the parts are released). */
    public static ByteBuf drainOutbound(EmbeddedChannel channel) {
        CompositeByteBuf all = ByteBufAllocator.DEFAULT.compositeBuffer(Integer.MAX_VALUE);
        ByteBuf part;
        while ((part = channel.readOutbound()) != null) {
            all.addComponent(true, part);
        }
        ByteBuf flat = ByteBufAllocator.DEFAULT.buffer(all.readableBytes());
        flat.writeBytes(all);
        all.release();
        return flat;
    }

    public static byte[] toArray(ByteBuf buf) {
        byte[] out = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), out);
        return out;
    }
}
