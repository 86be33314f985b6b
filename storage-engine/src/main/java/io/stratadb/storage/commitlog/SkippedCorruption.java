package io.stratadb.storage.commitlog;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Damage found during replay under {@code CommitLogCorruptionPolicy.SKIP}: everything in {@code file}
 * from {@code offset} on was not replayed.
 */
public record SkippedCorruption(Path file, long offset, String reason) {

    public SkippedCorruption {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
    }
}
