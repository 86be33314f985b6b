package io.stratadb.storage.io;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** A file read at explicit positions; safe for concurrent readers. */
public interface ReadableFile extends Closeable {

    /**
     * Fills {@code dst} from {@code position} on.
     *
     * @throws java.io.EOFException if the file ends before {@code dst} is full
     */
    void readFully(ByteBuffer dst, long position) throws IOException;

    long size() throws IOException;
}
