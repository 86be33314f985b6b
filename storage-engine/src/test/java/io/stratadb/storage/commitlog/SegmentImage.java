package io.stratadb.storage.commitlog;

import io.stratadb.storage.Mutation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Builds segment files by hand, in either format version, for tests that need a layout the writer
 * would only produce by chance (several entries in one section, a section claiming an arbitrary
 * synced offset) or an older version (V1 segments must still replay).
 */
final class SegmentImage {

    private final CommitLogFormatVersion version;
    private final ByteBuffer buf;
    private final EntryEncoder encoder;
    private final CRC32C crc = new CRC32C();

    private SegmentImage(long id, CommitLogFormatVersion version, int capacity) {
        this.version = version;
        this.buf = ByteBuffer.allocate(capacity);
        this.encoder = new EntryEncoder(buf);
        buf.put(SegmentHeader.encode(id, version));
    }

    static SegmentImage v1(long id) {
        return new SegmentImage(id, CommitLogFormatVersion.V1, CommitLogTestSupport.SEGMENT_SIZE);
    }

    static SegmentImage v2(long id) {
        return new SegmentImage(id, CommitLogFormatVersion.V2, CommitLogTestSupport.SEGMENT_SIZE);
    }

    /** Where the next section or entry goes. */
    int position() {
        return buf.position();
    }

    /** V1: entries back to back. */
    SegmentImage entries(Mutation... mutations) {
        if (version != CommitLogFormatVersion.V1) {
            throw new IllegalStateException("bare entries are V1; use section()");
        }
        for (Mutation m : mutations) {
            encode(m);
        }
        return this;
    }

    /** V2: one section holding {@code mutations}, claiming the segment was synced up to {@code syncedUpTo}. */
    SegmentImage section(long syncedUpTo, Mutation... mutations) {
        if (version != CommitLogFormatVersion.V2) {
            throw new IllegalStateException("sections are V2");
        }
        int start = buf.position();
        buf.position(start + SectionHeader.SIZE);
        for (Mutation m : mutations) {
            encode(m);
        }
        SectionHeader.put(buf, start, buf.position() - start - SectionHeader.SIZE, syncedUpTo, crc);
        return this;
    }

    /** V2: a section written after everything before it was synced, as GROUP mode writes one per fsync. */
    SegmentImage syncedSection(Mutation... mutations) {
        return section(buf.position(), mutations);
    }

    /** The segment so far, zero-filled to the full segment size (as the preallocating writer leaves it). */
    byte[] bytes() {
        return buf.array().clone();
    }

    /** Writes {@link #bytes()} to {@code dir} under the segment's file name; returns the path. */
    Path writeTo(Path dir, long id) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(SegmentFileName.of(id));
        Files.write(file, bytes());
        return file;
    }

    /** Only the bytes written so far, as an appending writer of an earlier version left a segment. */
    byte[] unpaddedBytes() {
        return Arrays.copyOf(buf.array(), buf.position());
    }

    private void encode(Mutation m) {
        int tableBytes = MutationCodec.utf8Length(m.table());
        encoder.encode(m, MutationCodec.encodedSize(m, tableBytes), tableBytes);
    }
}
