package io.stratadb.storage.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Walks the entries of one segment and stops at the first one that is not intact, saying where and
 * why. It only reads; deciding whether a problem is a torn tail or corruption is
 * {@link CommitLogReplayer}'s job, helped by {@link #validEntryFollows}.
 *
 * <p>Reading ends cleanly at the segment end or at an all-zero entry header followed only by zeros
 * (the unwritten rest of a segment). A zero header followed by anything else is a problem: a writer
 * never leaves a hole, so something was lost there.
 */
final class SegmentScanner {

    private static final int CHUNK = 64 << 10;

    private final SegmentBytes bytes;
    private final long end;
    private final CRC32C crc = new CRC32C();
    private long position;
    private long entryOffset = -1;
    private ByteBuffer payload;
    private boolean finished;
    private long problemOffset = -1;
    private String problem;

    /** Scans entries from {@code start} (just after the segment header) to the end of {@code bytes}. */
    SegmentScanner(SegmentBytes bytes, long start) {
        this.bytes = bytes;
        this.end = bytes.length();
        this.position = start;
    }

    /**
     * The payload of the next intact entry (a view valid until the next call), or null once reading
     * has stopped; then {@link #problem()} is null for a clean end.
     */
    ByteBuffer next() throws IOException {
        if (finished) {
            return null;
        }
        long left = end - position;
        if (left == 0) {
            return finish(-1, null);
        }
        if (left < EntryFraming.HEADER_BYTES) {
            return allZero(position, end) ? finish(-1, null)
                    : finish(position, "partial entry header: " + left + " bytes before the segment end");
        }
        ByteBuffer header = bytes.read(position, EntryFraming.HEADER_BYTES);
        if (header.getLong(0) == 0) {
            return allZero(position + EntryFraming.HEADER_BYTES, end) ? finish(-1, null)
                    : finish(position, "zeroed entry header followed by non-zero bytes");
        }
        String bad = checkEntryAt(position);
        if (bad != null) {
            return finish(position, bad);
        }
        entryOffset = position;
        position += EntryFraming.OVERHEAD + payload.remaining();
        return payload;
    }

    /** True if nothing but zero bytes lies between the current position and the end (an unwritten segment). */
    boolean onlyZerosRemain() throws IOException {
        return allZero(position, end);
    }

    /** Segment offset of the entry {@link #next()} last returned. */
    long entryOffset() {
        return entryOffset;
    }

    /** Offset where reading stopped at a problem, or -1. */
    long problemOffset() {
        return problemOffset;
    }

    /** Why reading stopped early, or null if it reached the end cleanly (or has not stopped yet). */
    String problem() {
        return problem;
    }

    /**
     * Whether a fully intact entry (both checksums good) starts anywhere after {@code offset}. Such an
     * entry means the damage at {@code offset} cannot be a write cut short by a crash, since the writer
     * wrote that entry later. Looks at every byte position, since a damaged length tells nothing about
     * where the next entry starts.
     */
    boolean validEntryFollows(long offset) throws IOException {
        long at = offset + 1;
        while (end - at >= EntryFraming.OVERHEAD + 1) {
            int span = (int) Math.min(CHUNK, end - at);
            ByteBuffer chunk = bytes.read(at, span);
            int lastHeaderStart = span - EntryFraming.HEADER_BYTES;
            long candidate = -1;
            for (int i = 0; i <= lastHeaderStart; i++) {
                int length = chunk.getInt(i);
                // Cheap range test first; the length checksum is computed for few positions.
                if (length > 0 && length <= EntryFraming.MAX_PAYLOAD
                        && EntryFraming.lengthCrc(crc, length) == chunk.getInt(i + 4)) {
                    candidate = at + i;
                    break;
                }
            }
            if (candidate < 0) {
                at += lastHeaderStart + 1;
            } else if (checkEntryAt(candidate) == null) {
                return true;
            } else {
                at = candidate + 1;
            }
        }
        return false;
    }

    /** Null if an intact entry starts at {@code at} (its payload is then in {@link #payload}), else why not. */
    private String checkEntryAt(long at) throws IOException {
        if (end - at < EntryFraming.HEADER_BYTES) {
            return "partial entry header";
        }
        ByteBuffer header = bytes.read(at, EntryFraming.HEADER_BYTES);
        int length = header.getInt(0);
        int storedLengthCrc = header.getInt(4);
        if (EntryFraming.lengthCrc(crc, length) != storedLengthCrc) {
            return "entry length checksum mismatch";
        }
        if (length <= 0 || length > EntryFraming.MAX_PAYLOAD) {
            return "entry length " + Integer.toUnsignedString(length) + " outside [1, " + EntryFraming.MAX_PAYLOAD + "]";
        }
        long frameEnd = at + EntryFraming.OVERHEAD + length;
        if (frameEnd > end) {
            return "entry of " + length + " payload bytes runs past the segment end at " + end;
        }
        ByteBuffer body = bytes.read(at + EntryFraming.HEADER_BYTES, length + EntryFraming.TRAILER_BYTES);
        if (EntryFraming.crc32c(crc, body, 0, length) != body.getInt(length)) {
            return "entry payload checksum mismatch";
        }
        payload = body.limit(length);
        return null;
    }

    private boolean allZero(long from, long to) throws IOException {
        for (long at = from; at < to; ) {
            int span = (int) Math.min(CHUNK, to - at);
            ByteBuffer chunk = bytes.read(at, span);
            int i = 0;
            for (; i + 8 <= span; i += 8) {
                if (chunk.getLong(i) != 0) {
                    return false;
                }
            }
            for (; i < span; i++) {
                if (chunk.get(i) != 0) {
                    return false;
                }
            }
            at += span;
        }
        return true;
    }

    private ByteBuffer finish(long offset, String why) {
        finished = true;
        problemOffset = offset;
        problem = why;
        payload = null;
        return null;
    }
}
