package io.stratadb.storage.sstable;

import java.util.Arrays;

/**
 * A growable byte array the block builders encode into. Unlike {@code ByteArrayOutputStream} it
 * exposes its array, so a finished block goes to the compressor and the file without a copy.
 */
final class ByteArrayBuilder {

    private byte[] buf;
    private int size;

    ByteArrayBuilder(int initialCapacity) {
        this.buf = new byte[Math.max(16, initialCapacity)];
    }

    /** The backing array; valid bytes are {@code [0, size())}. Invalidated by the next append. */
    byte[] array() {
        return buf;
    }

    int size() {
        return size;
    }

    int capacity() {
        return buf.length;
    }

    /** Forgets the contents; drops the array if one huge entry grew it far beyond {@code keepCapacity}. */
    void reset(int keepCapacity) {
        size = 0;
        if (buf.length > 4 * Math.max(16, keepCapacity)) {
            buf = new byte[Math.max(16, keepCapacity)];
        }
    }

    /** Makes room for {@code n} more bytes. */
    void ensureSpace(int n) {
        long needed = (long) size + n;
        if (needed > buf.length) {
            if (needed > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("block larger than 2 GiB");
            }
            buf = Arrays.copyOf(buf, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16L, 2L * buf.length)));
        }
    }

    /** Claims {@code n} bytes at the end for the caller to fill; returns their start. */
    int skip(int n) {
        ensureSpace(n);
        int at = size;
        size += n;
        return at;
    }

    void writeByte(int b) {
        ensureSpace(1);
        buf[size++] = (byte) b;
    }

    void writeInt(int v) {
        ensureSpace(4);
        BigEndian.putInt(buf, size, v);
        size += 4;
    }

    void writeLong(long v) {
        ensureSpace(8);
        BigEndian.putLong(buf, size, v);
        size += 8;
    }

    void writeVarInt(long v) {
        ensureSpace(VarInt.MAX_LONG_BYTES);
        size = VarInt.write(buf, size, v);
    }

    void writeBytes(byte[] src, int offset, int length) {
        ensureSpace(length);
        System.arraycopy(src, offset, buf, size, length);
        size += length;
    }

    void writeBytes(byte[] src) {
        writeBytes(src, 0, src.length);
    }

    /** A copy of the contents, trimmed to size. */
    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
