package io.stratadb.storage.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Random read access to one segment's bytes; lets the scanners be tested on plain arrays. */
interface SegmentBytes {

    /** Bytes read at a time by {@link #allZero} and by searches over a segment. */
    int CHUNK = 64 << 10;

    /** Number of bytes in the segment. */
    long length();

    /**
     * A view of {@code [position, position + length)}, which must lie inside {@link #length()}. The
     * view is valid only until the next call, and callers must not write through it.
     */
    ByteBuffer read(long position, int length) throws IOException;

    /** True if every byte of {@code [from, to)} is zero (nothing was written there). */
    default boolean allZero(long from, long to) throws IOException {
        for (long at = from; at < to; ) {
            int span = (int) Math.min(CHUNK, to - at);
            ByteBuffer chunk = read(at, span);
            int i = 0;
            for (; i + 8 <= span; i += 8) {
                if (chunk.getLong(i) != 0) {
                    return false;
                }
            }
            for (; i < span; i++) {
                if (chunk.get(i) != 0) {
                    return false;
                }
            }
            at += span;
        }
        return true;
    }
}
