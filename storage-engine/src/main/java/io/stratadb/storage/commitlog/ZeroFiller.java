package io.stratadb.storage.commitlog;

import io.stratadb.storage.io.WritableFile;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Writes runs of zero bytes: the filling of a preallocated segment, and the erasing of a torn tail.
 * Zeros are real writes, not a sparse extend or fallocate: only blocks that were written are
 * allocated and initialized, so later overwrites and fdatasyncs need no metadata (journal) update.
 */
final class ZeroFiller {

    private static final int CHUNK = 1 << 20;

    /** Never written to; each write takes its own duplicate, so one instance may serve several threads. */
    private final ByteBuffer zeros = ByteBuffer.allocateDirect(CHUNK);

    /** Writes {@code count} zero bytes at {@code file}'s write position. */
    void write(WritableFile file, long count) throws IOException {
        for (long left = count; left > 0; ) {
            int n = (int) Math.min(CHUNK, left);
            file.write(zeros.duplicate().limit(n));
            left -= n;
        }
    }
}
