package io.stratadb.storage.commitlog;

import io.stratadb.storage.io.WritableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** A segment open for writing. Used by one thread at a time (the preparer, then the writer). */
final class CommitLogSegment {

    private final long id;
    private final Path path;
    private final WritableFile file;
    private final long capacity;
    private long position;

    CommitLogSegment(long id, Path path, WritableFile file, long capacity) throws IOException {
        this.id = id;
        this.path = path;
        this.file = file;
        this.capacity = capacity;
        this.position = file.size();
    }

    long id() {
        return id;
    }

    Path path() {
        return path;
    }

    /** Bytes written so far, header included: where the next entry goes. */
    long position() {
        return position;
    }

    /** Bytes still free before the segment reaches its fixed size. */
    long remaining() {
        return capacity - position;
    }

    void write(ByteBuffer bytes) throws IOException {
        int n = bytes.remaining();
        file.write(bytes);
        position += n;
    }

    void sync() throws IOException {
        file.sync();
    }

    void close() throws IOException {
        file.close();
    }
}
