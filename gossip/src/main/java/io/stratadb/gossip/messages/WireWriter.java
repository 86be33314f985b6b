package io.stratadb.gossip.messages;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Big-endian writes into a growing array; refuses to grow past the message limit. */
final class WireWriter {

    private byte[] buf = new byte[256];
    private int size;

    void u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
    }

    void u16(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
    }

    void i32(int v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
    }

    void i64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
    }

    void bytes(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
    }

    /** UTF-8 bytes of {@code s}, checked against {@code maxBytes} so we never send what peers reject. */
    static byte[] utf8(String s, int maxBytes, String field) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > maxBytes) {
            throw new IllegalArgumentException(field + " of " + b.length + " bytes exceeds " + maxBytes);
        }
        return b;
    }

    static void checkCount(int n, int max, String field) {
        if (n > max) {
            throw new IllegalArgumentException(field + " " + n + " exceeds " + max);
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int n) {
        long needed = (long) size + n;
        if (needed > GossipWireFormat.MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException("message would exceed " + GossipWireFormat.MAX_MESSAGE_BYTES + " bytes");
        }
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, (int) Math.min(GossipWireFormat.MAX_MESSAGE_BYTES,
                    Math.max(needed, (long) buf.length * 2)));
        }
    }
}
