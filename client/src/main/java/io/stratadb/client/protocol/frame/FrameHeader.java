package io.stratadb.client.protocol.frame;

import io.netty.buffer.ByteBuf;

/**
 * Layout of the frame header (docs/protocol.md, "Frame header"). All integers are big-endian.
 *
 * <pre>
 * offset 0  u8   version (low 7 bits) | 0x80 if the frame is a response
 * offset 1  u8   flags (0x01 = body is LZ4-compressed; other bits must be zero)
 * offset 2  u16  stream id
 * offset 4  u8   opcode
 * offset 5  u32  body length in bytes (as sent, i.e. compressed if flagged)
 * </pre>
 *
 * This layout is frozen for every protocol version so that version negotiation always works.
 */
public final class FrameHeader {
    public static final int LENGTH = 9;
    public static final int VERSION_OFFSET = 0;
    public static final int FLAGS_OFFSET = 1;
    public static final int STREAM_OFFSET = 2;
    public static final int OPCODE_OFFSET = 4;
    public static final int BODY_LENGTH_OFFSET = 5;

    public static final int RESPONSE_BIT = 0x80;
    public static final int VERSION_MASK = 0x7F;
    public static final int FLAG_COMPRESSED = 0x01;
    public static final int KNOWN_FLAGS = FLAG_COMPRESSED;
    public static final int MAX_STREAM_ID = 0xFFFF;

    private FrameHeader() {
    }

    static void write(Frame frame, int bodyLength, ByteBuf out) {
        out.writeByte(frame.version() | (frame.isResponse() ? RESPONSE_BIT : 0));
        out.writeByte(frame.flags());
        out.writeShort(frame.streamId());
        out.writeByte(frame.opcode());
        out.writeInt(bodyLength);
    }
}
