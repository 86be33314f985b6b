package io.stratadb.gossip.messages;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Big-endian reads that check every length before allocating. Each read names the field it reads,
 * so a rejected message says what was wrong and at which offset.
 */
final class WireReader {

    private final ByteBuffer buf;

    WireReader(ByteBuffer source) {
        if (source.remaining() > GossipWireFormat.MAX_MESSAGE_BYTES) {
            throw new MalformedMessageException("message of " + source.remaining()
                    + " bytes exceeds the limit of " + GossipWireFormat.MAX_MESSAGE_BYTES);
        }
        this.buf = source.slice().order(ByteOrder.BIG_ENDIAN);
    }

    int u8(String field) {
        need(1, field);
        return buf.get() & 0xFF;
    }

    int u16(String field) {
        need(2, field);
        return buf.getShort() & 0xFFFF;
    }

    int i32(String field) {
        need(4, field);
        return buf.getInt();
    }

    long i64(String field) {
        need(8, field);
        return buf.getLong();
    }

    /** An i32 that must lie in {@code [0, max]}. */
    int boundedInt(String field, int max) {
        int at = buf.position();
        int v = i32(field);
        if (v < 0 || v > max) {
            throw new MalformedMessageException(field + " " + v + " outside 0.." + max + " at offset " + at);
        }
        return v;
    }

    /**
     * An element count that must be at most {@code max} and fit in the remaining bytes given each
     * element takes at least {@code minElementBytes}: the check that keeps a forged count from
     * making us allocate a huge collection.
     */
    int count(String field, int max, int minElementBytes) {
        int at = buf.position();
        int n = boundedInt(field, max);
        if ((long) n * minElementBytes > buf.remaining()) {
            throw new MalformedMessageException(field + " " + n + " at offset " + at + " cannot fit in the "
                    + buf.remaining() + " remaining bytes");
        }
        return n;
    }

    /** Strict UTF-8: invalid sequences are an error, not silently replaced. */
    String utf8(int length, String field) {
        need(length, field);
        ByteBuffer slice = buf.slice();
        slice.limit(length);
        int at = buf.position();
        buf.position(at + length);
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(slice);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new MalformedMessageException(field + " at offset " + at + " is not valid UTF-8", e);
        }
    }

    void skip(int length, String field) {
        need(length, field);
        buf.position(buf.position() + length);
    }

    int position() {
        return buf.position();
    }

    void expectEnd() {
        if (buf.hasRemaining()) {
            throw new MalformedMessageException(buf.remaining() + " trailing bytes after the message at offset "
                    + buf.position());
        }
    }

    private void need(int n, String field) {
        if (n < 0 || buf.remaining() < n) {
            throw new MalformedMessageException("truncated: " + field + " needs " + n + " bytes at offset "
                    + buf.position() + ", " + buf.remaining() + " left", new BufferUnderflowException());
        }
    }
}
