package io.stratadb.storage.commitlog;

import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.WritableFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes new segments so that a segment appears under its real name only once its header is durable:
 * it is written under a temporary name, synced, renamed, and the directory synced. A crash therefore
 * never leaves a named segment with a missing or partial header, and replay may treat any bad header
 * as corruption.
 *
 * <p>Preallocation: the format allows a segment to be zero-filled to its full size up front (zeros read
 * as "nothing written here"), which makes each later fdatasync cheaper because the file length no
 * longer changes. The {@link FileSystem} seam can only append, so there is no way yet to overwrite the
 * zeros; until it gains a positional write, segments grow as entries are appended. See
 * docs/commitlog-format.md ("Preallocation").
 */
final class SegmentCreator {

    private final FileSystem fs;
    private final Path directory;
    private final long segmentSize;

    SegmentCreator(FileSystem fs, Path directory, long segmentSize) {
        this.fs = fs;
        this.directory = directory;
        this.segmentSize = segmentSize;
    }

    CommitLogSegment create(long id) throws IOException {
        Path temporary = directory.resolve(SegmentFileName.temporaryOf(id));
        Path path = directory.resolve(SegmentFileName.of(id));
        try {
            try (WritableFile file = fs.create(temporary)) {
                file.write(SegmentHeader.encode(id));
                file.sync();
            }
            fs.rename(temporary, path);
            fs.syncDirectory(directory);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary, e);
            throw e;
        }
        return new CommitLogSegment(id, path, fs.append(path), segmentSize);
    }

    /** Removes a segment that was prepared but never written to. */
    void discardUnused(CommitLogSegment segment) throws IOException {
        segment.close();
        fs.delete(segment.path());
    }

    private void deleteQuietly(Path temporary, Exception cause) {
        try {
            fs.delete(temporary);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }
}
