package io.stratadb.storage.commitlog;

import java.nio.file.Path;

/** A segment on disk: its id and where it is. */
record SegmentFile(long id, Path path) {
}
