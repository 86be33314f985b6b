package io.stratadb.storage.commitlog;

import io.stratadb.storage.io.ReadableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Serves a segment's reads from a window of the file held in memory, so a replay costs one large
 * read per window instead of two small ones per entry. The window starts at 1 MiB and grows only when
 * one entry is larger.
 */
final class WindowedSegmentBytes implements SegmentBytes {

    private static final int INITIAL_WINDOW = 1 << 20;

    private final ReadableFile file;
    private final long length;
    private ByteBuffer window;
    private long windowStart;
    private int windowLength;

    WindowedSegmentBytes(ReadableFile file, long length) {
        this.file = file;
        this.length = length;
        this.window = ByteBuffer.allocate((int) Math.min(INITIAL_WINDOW, Math.max(length, 1)));
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public ByteBuffer read(long position, int count) throws IOException {
        if (position < 0 || count < 0 || position + count > length) {
            throw new IllegalArgumentException("read of " + count + " bytes at " + position
                    + " outside a segment of " + length + " bytes");
        }
        if (position < windowStart || position + count > windowStart + windowLength) {
            fill(position, count);
        }
        int from = (int) (position - windowStart);
        // Not read-only: CRC32C takes a fast path only for buffers that expose their array.
        return window.duplicate().position(from).limit(from + count).slice().order(ByteOrder.BIG_ENDIAN);
    }

    private void fill(long position, int atLeast) throws IOException {
        if (window.capacity() < atLeast) {
            window = ByteBuffer.allocate(atLeast);
        }
        int n = (int) Math.min(window.capacity(), length - position);
        window.clear().limit(n);
        file.readFully(window, position);
        windowStart = position;
        windowLength = n;
    }
}
