package io.stratadb.storage.commitlog;

import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.ReadableFile;
import io.stratadb.storage.io.WritableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Erases a torn tail by overwriting it with zeros, synced, instead of cutting the file: the segment
 * keeps its length (a preallocated one stays preallocated), and the zeros read as "end of written
 * data" on the next start. Only the stretch up to the last non-zero byte is written, since the rest
 * of a preallocated segment is zero already.
 */
final class TornTailEraser {

    private static final int CHUNK = 64 << 10;

    private final FileSystem fs;
    private final ZeroFiller zeros = new ZeroFiller();

    TornTailEraser(FileSystem fs) {
        this.fs = fs;
    }

    /**
     * Zeroes {@code segment} from {@code offset} to its last non-zero byte and syncs it.
     *
     * @return how many bytes were zeroed (0 if everything from {@code offset} on was zero already)
     */
    long erase(Path segment, long offset) throws IOException {
        long end;
        try (ReadableFile file = fs.open(segment)) {
            end = endOfNonZero(file, offset);
        }
        if (end > offset) {
            try (WritableFile file = fs.openForOverwrite(segment, offset)) {
                zeros.write(file, end - offset);
                file.sync();
            }
        }
        return end - offset;
    }

    /** Offset just past the last non-zero byte at or after {@code from}, or {@code from} if there is none. */
    private static long endOfNonZero(ReadableFile file, long from) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK);
        // Backwards: in a preallocated segment the zeros are at the end, so the scan stops early.
        for (long to = file.size(); to > from; ) {
            int n = (int) Math.min(CHUNK, to - from);
            long start = to - n;
            chunk.clear().limit(n);
            file.readFully(chunk, start);
            for (int i = n - 1; i >= 0; i--) {
                if (chunk.get(i) != 0) {
                    return start + i + 1;
                }
            }
            to = start;
        }
        return from;
    }
}
