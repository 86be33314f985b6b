package io.stratadb.node.messaging.payload;

import io.netty.buffer.ByteBuf;
import io.stratadb.node.messaging.MalformedFrameException;

import java.nio.charset.StandardCharsets;

/** The few primitive encodings payloads share: length-prefixed bytes and strings, with bounds checks. */
final class Wire {

    /** Keyspace names and failure messages are short; a u16 length is plenty. */
    static final int MAX_STRING_BYTES = 0xFFFF;

    private Wire() {
    }

    static void writeBytes(ByteBuf out, byte[] bytes) {
        out.writeInt(bytes.length);
        out.writeBytes(bytes);
    }

    static byte[] readBytes(ByteBuf in, String what) {
        int length = in.readInt();
        // Checked before allocating, so a forged length cannot make us allocate gigabytes.
        if (length < 0 || length > in.readableBytes()) {
            throw new MalformedFrameException(what + " length " + length + " but " + in.readableBytes() + " bytes left");
        }
        byte[] bytes = new byte[length];
        in.readBytes(bytes);
        return bytes;
    }

    static void writeString(ByteBuf out, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string longer than " + MAX_STRING_BYTES + " bytes");
        }
        out.writeShort(bytes.length);
        out.writeBytes(bytes);
    }

    static String readString(ByteBuf in, String what) {
        int length = in.readUnsignedShort();
        if (length > in.readableBytes()) {
            throw new MalformedFrameException(what + " length " + length + " but " + in.readableBytes() + " bytes left");
        }
        String s = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return s;
    }

    /** A presence byte (0/1), then the bytes when present: null and empty stay distinct. */
    static void writeOptionalBytes(ByteBuf out, byte[] bytes) {
        out.writeByte(bytes == null ? 0 : 1);
        if (bytes != null) {
            writeBytes(out, bytes);
        }
    }

    static byte[] readOptionalBytes(ByteBuf in, String what) {
        return readBoolean(in, what + " presence") ? readBytes(in, what) : null;
    }

    static boolean readBoolean(ByteBuf in, String what) {
        byte b = in.readByte();
        if (b != 0 && b != 1) {
            throw new MalformedFrameException(what + ": expected 0 or 1, got " + b);
        }
        return b == 1;
    }
}
