package io.stratadb.client.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ProtocolLimits;
import java.util.Collection;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Writes the wire primitives of docs/protocol.md into one frame body. Values that cannot be represented
 * (a key over 64 KiB, a string over 65535 UTF-8 bytes) are programming errors of the sender and fail
 * with IllegalArgumentException before anything is sent.
 */
public final class BodyWriter {
    private final ByteBuf buf;

    public BodyWriter(ByteBuf buf) {
        this.buf = buf;
    }

    public BodyWriter u8(int v) {
        buf.writeByte(v);
        return this;
    }

    public BodyWriter u16(int v) {
        buf.writeShort(v);
        return this;
    }

    public BodyWriter i32(int v) {
        buf.writeInt(v);
        return this;
    }

    public BodyWriter i64(long v) {
        buf.writeLong(v);
        return this;
    }

    public BodyWriter bool(boolean v) {
        buf.writeByte(v ? 1 : 0);
        return this;
    }

    public BodyWriter string(String s) {
        int length = ByteBufUtil.utf8Bytes(s);
        if (length > ProtocolLimits.MAX_STRING_BYTES) {
            throw new IllegalArgumentException("string of " + length + " UTF-8 bytes exceeds "
                    + ProtocolLimits.MAX_STRING_BYTES);
        }
        buf.writeShort(length);
        buf.writeCharSequence(s, java.nio.charset.StandardCharsets.UTF_8);
        return this;
    }

    public BodyWriter key(Bytes key) {
        if (key.length() > ProtocolLimits.MAX_KEY_BYTES) {
            throw new IllegalArgumentException("key of " + key.length() + " bytes exceeds "
                    + ProtocolLimits.MAX_KEY_BYTES);
        }
        buf.writeShort(key.length());
        buf.writeBytes(key.unsafeArray());
        return this;
    }

    public BodyWriter value(Bytes value) {
        buf.writeInt(value.length());
        buf.writeBytes(value.unsafeArray());
        return this;
    }

    public BodyWriter consistency(ConsistencyLevel cl) {
        buf.writeByte(cl.code());
        return this;
    }

    public <E> BodyWriter list(Collection<E> elements, BiConsumer<BodyWriter, E> element) {
        buf.writeInt(elements.size());
        for (E e : elements) {
            element.accept(this, e);
        }
        return this;
    }

    public BodyWriter stringMap(Map<String, String> map) {
        if (map.size() > 0xFFFF) {
            throw new IllegalArgumentException("string map of " + map.size() + " entries");
        }
        buf.writeShort(map.size());
        map.forEach((k, v) -> string(k).string(v));
        return this;
    }

    /**
     * Writes a u16 length-prefixed section produced by {@code body}; lets a reader skip sections it does
     * not understand (error details use this).
     */
    public BodyWriter section(java.util.function.Consumer<BodyWriter> body) {
        int lengthIndex = buf.writerIndex();
        buf.writeShort(0);
        body.accept(this);
        int length = buf.writerIndex() - lengthIndex - 2;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("section of " + length + " bytes");
        }
        buf.setShort(lengthIndex, length);
        return this;
    }
}
