package io.stratadb.storage.commitlog;

import io.stratadb.storage.Clock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;

/**
 * The writer thread's view of the active segment: entries are framed into one reusable direct buffer
 * and reach the file in a single write when the buffer fills, before a sync, or before a roll. Each such
 * write is one sync section (docs/commitlog-format.md, "Sync sections"): the buffer starts with room for
 * a {@link SectionHeader}, filled in just before the write with the section's length and the offset up
 * to which the segment had been synced so far. Keeps the bookkeeping the writer's decisions need:
 * whether anything is unsynced, and whether the active segment holds any entry (a roll of an empty
 * segment is a no-op).
 */
final class SegmentAppender {

    private final ByteBuffer buffer;
    private final EntryEncoder encoder;
    private final CommitLogMetrics metrics;
    private final Clock clock;
    private final CRC32C sectionCrc = new CRC32C();
    private CommitLogSegment segment;
    private long entriesInSegment;
    private boolean unsynced;
    /**
     * Every byte of the active segment below this offset is durable: its position after the last
     * completed fsync, or the end of its header (synced when the segment was created) before the first.
     * Only ever raised after an fsync returns, which is what makes a section's claim true.
     */
    private long syncedUpTo;

    /**
     * @param first a freshly created segment, nothing written after its header
     * @param bufferSize at least a section header plus the largest frame an append can produce
     */
    SegmentAppender(CommitLogSegment first, int bufferSize, CommitLogMetrics metrics, Clock clock) {
        this.segment = first;
        this.syncedUpTo = first.position();
        this.buffer = ByteBuffer.allocateDirect(bufferSize);
        this.encoder = new EntryEncoder(buffer);
        this.metrics = metrics;
        this.clock = clock;
    }

    CommitLogSegment segment() {
        return segment;
    }

    /** Whether a frame of {@code frameBytes} still fits in the active segment, with a section header if needed. */
    boolean fits(int frameBytes) {
        long added = startsSection(frameBytes) ? SectionHeader.SIZE + (long) frameBytes : frameBytes;
        return buffer.position() + added <= segment.remaining();
    }

    /** Frames {@code a} into the buffer, writing the buffer out first if it lacks room. The caller checked {@link #fits}. */
    void add(WriteRequest.Append a) throws IOException {
        int frame = EntryFraming.frameSize(a.payloadBytes());
        if (startsSection(frame)) {
            flush();
            buffer.position(SectionHeader.SIZE);
        }
        encoder.encode(a.mutation(), a.payloadBytes(), a.tableNameBytes());
        entriesInSegment++;
    }

    /** Whether a frame of {@code frameBytes} would go into a new section: none is open, or it lacks room. */
    private boolean startsSection(int frameBytes) {
        return buffer.position() == 0 || buffer.remaining() < frameBytes;
    }

    /** Writes whatever is buffered to the active segment as one section (one write call). */
    void flush() throws IOException {
        if (buffer.position() == 0) {
            return;
        }
        SectionHeader.put(buffer, 0, buffer.position() - SectionHeader.SIZE, syncedUpTo, sectionCrc);
        buffer.flip();
        int bytes = buffer.remaining();
        try {
            segment.write(buffer);
        } finally {
            buffer.clear();
        }
        unsynced = true;
        metrics.bytesWritten().mark(bytes);
    }

    /** Whether bytes were written (or are buffered) since the last sync. */
    boolean hasUnsyncedData() {
        return unsynced || buffer.position() > 0;
    }

    /** Flushes the buffer and fsyncs the active segment if anything is unsynced. */
    void sync() throws IOException {
        flush();
        if (!unsynced) {
            return;
        }
        long start = clock.nanoTime();
        segment.sync();
        metrics.syncLatency().update(clock.nanoTime() - start, TimeUnit.NANOSECONDS);
        // Everything written so far went out before this fsync, so it is all durable now.
        syncedUpTo = segment.position();
        unsynced = false;
    }

    boolean segmentHoldsEntries() {
        return entriesInSegment > 0;
    }

    /**
     * Makes {@code next} the active segment after syncing and closing the current one, so every entry
     * of a segment is durable before anything is written to a later one (the torn-tail rule relies on
     * it).
     */
    void switchTo(CommitLogSegment next) throws IOException {
        sync();
        segment.close();
        segment = next;
        entriesInSegment = 0;
        // A fresh segment's header was synced when it was created: its first section says so.
        syncedUpTo = next.position();
    }

    /** Syncs and closes the active segment (normal shutdown). */
    void close() throws IOException {
        sync();
        segment.close();
    }
}
