package io.stratadb.storage.sstable;

/**
 * Unsigned LEB128 integers: seven bits per byte, low group first, high bit set on every byte but the
 * last. Lengths are almost always below 128, so they cost one byte instead of four.
 */
final class VarInt {

    /** Longest encoding of a 64-bit value. */
    static final int MAX_LONG_BYTES = 10;

    private VarInt() {
    }

    /** Bytes needed to encode {@code value} (treated as unsigned). */
    static int size(long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value | 1);
        return (bits + 6) / 7;
    }

    /** Writes {@code value} at {@code pos}; returns the position after it. */
    static int write(byte[] b, int pos, long value) {
        long v = value;
        while ((v & ~0x7FL) != 0) {
            b[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[pos++] = (byte) v;
        return pos;
    }

    /**
     * Reads the value at {@code pos}. Callers that need the following position add {@link #size} of
     * the result, which is exact because the writer never emits redundant groups.
     *
     * @throws IllegalArgumentException if the encoding runs past {@code limit} or over 64 bits
     */
    static long read(byte[] b, int pos, int limit) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= limit) {
                throw new IllegalArgumentException("varint runs past the end of its block");
            }
            byte x = b[pos++];
            result |= (long) (x & 0x7F) << shift;
            if (x >= 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("varint longer than 64 bits");
    }

    /** {@link #read} for values that must fit a non-negative int (lengths, counts). */
    static int readInt(byte[] b, int pos, int limit) {
        long v = read(b, pos, limit);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("varint " + Long.toUnsignedString(v) + " does not fit a length");
        }
        return (int) v;
    }
}
