package io.stratadb.storage.commitlog;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The unfinished last write of the newest segment, erased during replay: the {@code bytesCut} bytes
 * from {@code offset} in {@code file} to its last non-zero byte were overwritten with zeros (the file
 * keeps its length, so a preallocated segment stays preallocated). Expected after a crash; nothing
 * that was acknowledged as durable was in them.
 */
public record TornTail(Path file, long offset, long bytesCut, String reason) {

    public TornTail {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }
}
