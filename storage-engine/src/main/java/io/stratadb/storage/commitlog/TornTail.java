package io.stratadb.storage.commitlog;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The unfinished last write of the newest segment, cut off during replay: {@code bytesCut} bytes
 * starting at {@code offset} in {@code file} were removed. Expected after a crash; nothing that was
 * acknowledged as durable was in them.
 */
public record TornTail(Path file, long offset, long bytesCut, String reason) {

    public TornTail {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }
}
