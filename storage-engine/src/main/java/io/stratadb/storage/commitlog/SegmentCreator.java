package io.stratadb.storage.commitlog;

import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.WritableFile;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes new segments, preallocated: the header followed by zeros up to the segment size, written under
 * a temporary name, synced, renamed, and the directory synced. So a segment appears under its real name
 * only once its header and full length are durable: a crash never leaves a named segment with a
 * missing or partial header (replay may treat any bad header as corruption), and writing entries later
 * only overwrites zeros. An fdatasync after such an overwrite need not commit a new file length, which
 * makes it markedly cheaper than after an append (docs/commitlog-format.md, "Segment creation").
 *
 * <p>Zero-filling a whole segment is slow next to an append, so it runs on the spare-preparing thread
 * ({@link SpareSegmentPreparer}), never on the writer's hot path, except for the first segment at start.
 */
final class SegmentCreator {

    private final FileSystem fs;
    private final Path directory;
    private final long segmentSize;
    private final ZeroFiller zeros = new ZeroFiller();

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
                zeros.write(file, segmentSize - SegmentHeader.SIZE);
                file.sync();
            }
            fs.rename(temporary, path);
            fs.syncDirectory(directory);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary, e);
            throw e;
        }
        return new CommitLogSegment(id, path, fs.openForOverwrite(path, SegmentHeader.SIZE), segmentSize);
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
