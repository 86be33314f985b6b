package io.stratadb.client.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.ProtocolException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the wire primitives of docs/protocol.md ("Primitive types") from one frame body. Every length and
 * count is checked against the bytes that remain before anything is read or allocated, so malformed input
 * ends in a {@link ProtocolException} (PROTOCOL_ERROR, with the stream id), never in an
 * IndexOutOfBoundsException or a huge allocation. Text that is not valid UTF-8 is INVALID_REQUEST: the
 * frame was well-formed, its content was not.
 */
public final class BodyReader {
    private final ByteBuf buf;
    private final int streamId;

    public BodyReader(ByteBuf buf, int streamId) {
        this.buf = buf;
        this.streamId = streamId;
    }

    public int streamId() {
        return streamId;
    }

    public int remaining() {
        return buf.readableBytes();
    }

    public int u8() {
        need(1, "u8");
        return buf.readUnsignedByte();
    }

    public int u16() {
        need(2, "u16");
        return buf.readUnsignedShort();
    }

    public int i32() {
        need(4, "i32");
        return buf.readInt();
    }

    public long i64() {
        need(8, "i64");
        return buf.readLong();
    }

    /** A u8 that must be 0 or 1. */
    public boolean bool(String field) {
        int b = u8();
        if (b > 1) {
            throw malformed(field + ": boolean byte " + b);
        }
        return b == 1;
    }

    /** A non-negative i32 used as a length or a count or a size limit. */
    public int nonNegativeI32(String field) {
        int v = i32();
        if (v < 0) {
            throw malformed(field + " is negative: " + v);
        }
        return v;
    }

    /** {@code string}: u16 byte length, then that many bytes of strict UTF-8. */
    public String string(String field) {
        int length = u16();
        need(length, field);
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buf.nioBuffer(buf.readerIndex(), length))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ProtocolException(ErrorCode.INVALID_REQUEST, streamId, false,
                    field + " is not valid UTF-8", e);
        }
        buf.skipBytes(length);
        return s;
    }

    /** {@code key}: u16 length, then the bytes (so at most 65535). */
    public Bytes key(String field) {
        return bytes(u16(), field);
    }

    /** {@code value}: i32 length (non-negative), then the bytes. */
    public Bytes value(String field) {
        return bytes(nonNegativeI32(field + " length"), field);
    }

    public ConsistencyLevel consistency() {
        int code = u8();
        ConsistencyLevel cl = ConsistencyLevel.fromCode(code);
        if (cl == null) {
            throw malformed("unknown consistency level 0x" + Integer.toHexString(code));
        }
        return cl;
    }

    /**
     * {@code list}: i32 count, then the elements. The count is refused if the remaining bytes cannot hold
     * that many elements of at least {@code minElementBytes} each, so a forged count cannot pre-size a huge
     * list.
     */
    public <E> List<E> list(String field, int minElementBytes, Function<BodyReader, E> element) {
        int count = count(field, minElementBytes);
        List<E> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(element.apply(this));
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code string map}: u16 count, then (string key, string value) pairs; duplicate keys are malformed. */
    public Map<String, String> stringMap(String field) {
        int count = u16();
        if ((long) count * 4 > remaining()) {
            throw malformed(field + ": " + count + " entries cannot fit in " + remaining() + " bytes");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String k = string(field + " key");
            if (out.put(k, string(field + " value")) != null) {
                throw malformed(field + ": duplicate key " + k);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    public int count(String field, int minElementBytes) {
        int count = nonNegativeI32(field + " count");
        if ((long) count * Math.max(1, minElementBytes) > remaining()) {
            throw malformed(field + ": " + count + " elements cannot fit in " + remaining() + " bytes");
        }
        return count;
    }

    /** Skips {@code n} bytes (a length-prefixed section this version does not understand). */
    public void skip(int n, String field) {
        need(n, field);
        buf.skipBytes(n);
    }

    /** A body must be consumed exactly: trailing bytes mean the peer and we disagree on the layout. */
    public void expectEnd(String message) {
        if (buf.isReadable()) {
            throw malformed(message + ": " + buf.readableBytes() + " unexpected trailing bytes");
        }
    }

    public ProtocolException malformed(String message) {
        return new ProtocolException(ErrorCode.PROTOCOL_ERROR, streamId, false, message);
    }

    private Bytes bytes(int length, String field) {
        need(length, field);
        byte[] data = new byte[length];
        buf.readBytes(data);
        return Bytes.wrap(data);
    }

    private void need(int n, String field) {
        if (buf.readableBytes() < n) {
            throw malformed(field + " needs " + n + " bytes but the body has only " + buf.readableBytes() + " left");
        }
    }
}
