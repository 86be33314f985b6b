package io.stratadb.storage.commitlog;

import io.stratadb.storage.io.FileSystem;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segment files of one commit-log directory: those found at open, those the writer has activated
 * since, and deleting them once the engine no longer needs them. The spare segment being prepared is
 * not listed until the writer activates it, so it can never be discarded from under the writer.
 */
final class SegmentDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentDirectory.class);

    private final FileSystem fs;
    private final Path directory;
    private final List<SegmentFile> foundAtOpen;
    private final long highestIdAtOpen;
    private final ConcurrentSkipListMap<Long, Path> live = new ConcurrentSkipListMap<>();
    /** Long.MAX_VALUE until the writer starts: then nothing is active and everything may be discarded. */
    private volatile long activeId = Long.MAX_VALUE;

    private SegmentDirectory(FileSystem fs, Path directory, List<SegmentFile> found) {
        this.fs = fs;
        this.directory = directory;
        this.foundAtOpen = List.copyOf(found);
        long highest = 0;
        for (SegmentFile s : found) {
            live.put(s.id(), s.path());
            highest = Math.max(highest, s.id());
        }
        this.highestIdAtOpen = highest;
    }

    /**
     * Lists {@code directory} (creating it if needed). Leftover temporary files of segments whose
     * preparation a crash interrupted are deleted; they never held entries.
     */
    static SegmentDirectory open(FileSystem fs, Path directory) throws IOException {
        fs.createDirectories(directory);
        List<SegmentFile> found = new ArrayList<>();
        for (Path p : fs.list(directory)) {
            long id = SegmentFileName.parse(p);
            if (id > 0) {
                found.add(new SegmentFile(id, p));
            } else if (SegmentFileName.isTemporary(p)) {
                LOG.info("Deleting {}, a segment whose preparation was interrupted", p);
                fs.delete(p);
            } else {
                LOG.warn("Ignoring {} in the commit-log directory: not a segment file", p);
            }
        }
        found.sort((a, b) -> Long.compare(a.id(), b.id()));
        return new SegmentDirectory(fs, directory, found);
    }

    Path path() {
        return directory;
    }

    /** Segments that existed at open, oldest first. */
    List<SegmentFile> foundAtOpen() {
        return foundAtOpen;
    }

    /** An id greater than every segment that existed at open. */
    long firstNewId() {
        return highestIdAtOpen + 1;
    }

    /** Called by the writer when segment {@code id} starts receiving entries. */
    void activated(long id, Path path) {
        live.put(id, path);
        activeId = id;
    }

    /** Segment files held: found at open or written since, and not discarded. */
    int liveCount() {
        return live.size();
    }

    /**
     * Deletes every held segment with an id below {@code segmentId}, except the active one.
     *
     * @return how many were deleted
     */
    synchronized int deleteBefore(long segmentId) throws IOException {
        long bound = Math.min(segmentId, activeId);
        int deleted = 0;
        for (Map.Entry<Long, Path> e : live.headMap(bound, false).entrySet()) {
            fs.delete(e.getValue());
            live.remove(e.getKey());
            deleted++;
        }
        if (deleted > 0) {
            // Not needed for safety (a resurrected segment only replays mutations already flushed), but
            // it keeps the directory's contents after a crash matching what was reported.
            fs.syncDirectory(directory);
        }
        return deleted;
    }
}
