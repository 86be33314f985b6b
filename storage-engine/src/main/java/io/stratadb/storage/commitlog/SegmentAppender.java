package io.stratadb.storage.commitlog;

import io.stratadb.storage.Clock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * The writer thread's view of the active segment: entries are framed into one reusable direct buffer
 * and reach the file in a single write when the buffer fills, before a sync, or before a roll. Keeps
 * the bookkeeping the writer's decisions need: whether anything is unsynced, and whether the active
 * segment holds any entry (a roll of an empty segment is a no-op).
 */
final class SegmentAppender {

    private final ByteBuffer buffer;
    private final EntryEncoder encoder;
    private final CommitLogMetrics metrics;
    private final Clock clock;
    private CommitLogSegment segment;
    private long entriesInSegment;
    private boolean unsynced;

    /**
     * @param bufferSize at least the largest frame an append can produce
     */
    SegmentAppender(CommitLogSegment first, int bufferSize, CommitLogMetrics metrics, Clock clock) {
        this.segment = first;
        this.buffer = ByteBuffer.allocateDirect(bufferSize);
        this.encoder = new EntryEncoder(buffer);
        this.metrics = metrics;
        this.clock = clock;
    }

    CommitLogSegment segment() {
        return segment;
    }

    /** Whether a frame of {@code frameBytes} still fits in the active segment. */
    boolean fits(int frameBytes) {
        return buffer.position() + (long) frameBytes <= segment.remaining();
    }

    /** Frames {@code a} into the buffer, writing the buffer out first if it lacks room. The caller checked {@link #fits}. */
    void add(WriteRequest.Append a) throws IOException {
        int frame = EntryFraming.frameSize(a.payloadBytes());
        if (buffer.remaining() < frame) {
            flush();
        }
        encoder.encode(a.mutation(), a.payloadBytes(), a.tableNameBytes());
        entriesInSegment++;
    }

    /** Writes whatever is buffered to the active segment (one write call). */
    void flush() throws IOException {
        if (buffer.position() == 0) {
            return;
        }
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
    }

    /** Syncs and closes the active segment (normal shutdown). */
    void close() throws IOException {
        sync();
        segment.close();
    }
}
