package io.stratadb.storage.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Random read access to one segment's bytes; lets {@link SegmentScanner} be tested on plain arrays. */
interface SegmentBytes {

    /** Number of bytes in the segment. */
    long length();

    /**
     * A view of {@code [position, position + length)}, which must lie inside {@link #length()}. The
     * view is valid only until the next call, and callers must not write through it.
     */
    ByteBuffer read(long position, int length) throws IOException;
}
