package io.stratadb.storage.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** An append-only file. Not thread-safe: one writer at a time. */
public interface WritableFile extends Closeable {

    /** Appends all remaining bytes of {@code src}. */
    void write(ByteBuffer src) throws IOException;

    /** Bytes written so far (the file's length as this writer sees it). */
    long size() throws IOException;

    /** Makes everything written so far durable (fdatasync). */
    void sync() throws IOException;
}
