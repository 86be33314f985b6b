package io.stratadb.storage.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A file written sequentially: each write goes right after the previous one. Opened by
 * {@link FileSystem#create} or {@link FileSystem#append} it appends; opened by
 * {@link FileSystem#openForOverwrite} it overwrites from a given offset. Not thread-safe: one writer
 * at a time.
 */
public interface WritableFile extends Closeable {

    /** Writes all remaining bytes of {@code src} at {@link #size()}, which then grows by that many. */
    void write(ByteBuffer src) throws IOException;

    /**
     * The write position: the offset just past the last byte written through this file, where the
     * next write goes. For a file opened to append it is the file's length as this writer sees it; for
     * one opened to overwrite the file may be longer.
     */
    long size() throws IOException;

    /** Makes everything written so far durable (fdatasync). */
    void sync() throws IOException;
}
