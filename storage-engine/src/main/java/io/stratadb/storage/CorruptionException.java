package io.stratadb.storage;

import java.nio.file.Path;

/**
 * Stored bytes failed a checksum or a structural check. Names the file and the byte offset so an
 * operator can find it; the engine takes an SSTable that raised it out of service.
 */
public class CorruptionException extends StorageException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;

    public CorruptionException(Path file, long offset, String what) {
        super(what + " in " + file + " at offset " + offset);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
