package io.stratadb.client.ring;

/**
 * The arc {@code (start, end]} of the ring, walking clockwise (increasing, wrapping from MAX to MIN), owned
 * by the node holding token {@code end}. When {@code start == end} the range is the whole ring (a ring with
 * a single token).
 */
public record TokenRange(long start, long end, NodeInfo owner) {
    private static final double RING_SIZE = 0x1p64;

    public boolean contains(long token) {
        if (start == end) {
            return true;
        }
        // Unsigned distance clockwise from start; the range holds distances 1..width.
        long distance = token - start;
        return distance != 0 && Long.compareUnsigned(distance, end - start) <= 0;
    }

    /** The number of tokens in the range as an unsigned 64-bit value; 0 stands for the whole ring. */
    public long width() {
        return end - start;
    }

    /** The share of the ring this range covers, in (0, 1]. */
    public double fraction() {
        return start == end ? 1.0 : unsignedToDouble(width()) / RING_SIZE;
    }

    static double unsignedToDouble(long v) {
        return v >= 0 ? v : ((v >>> 1) * 2.0) + (v & 1);
    }
}
