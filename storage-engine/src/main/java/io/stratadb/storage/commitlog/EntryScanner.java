package io.stratadb.storage.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads a V1 segment: entries back to back after the header. Stops at the first entry that is not
 * intact, saying where and why; {@link #judgeDamage} applies V1's rule (damage followed by any intact
 * entry cannot be an unfinished last write).
 *
 * <p>Reading ends cleanly at the segment end or at an all-zero entry header followed only by zeros
 * (the unwritten rest of a segment). A zero header followed by anything else is a problem: a writer
 * never leaves a hole, so something was lost there.
 */
final class EntryScanner implements SegmentScanner {

    private final SegmentBytes bytes;
    private final long end;
    private final EntryChecker checker;
    private long position;
    private long entryOffset = -1;
    private boolean finished;
    private long problemOffset = -1;
    private String problem;

    /** Scans entries from {@code start} (just after the segment header) to the end of {@code bytes}. */
    EntryScanner(SegmentBytes bytes, long start) {
        this.bytes = bytes;
        this.end = bytes.length();
        this.checker = new EntryChecker(bytes);
        this.position = start;
    }

    @Override
    public ByteBuffer next() throws IOException {
        if (finished) {
            return null;
        }
        long left = end - position;
        if (left == 0) {
            return finish(-1, null);
        }
        if (left < EntryFraming.HEADER_BYTES) {
            return bytes.allZero(position, end) ? finish(-1, null)
                    : finish(position, "partial entry header: " + left + " bytes before the segment end");
        }
        ByteBuffer header = bytes.read(position, EntryFraming.HEADER_BYTES);
        if (header.getLong(0) == 0) {
            return bytes.allZero(position + EntryFraming.HEADER_BYTES, end) ? finish(-1, null)
                    : finish(position, "zeroed entry header followed by non-zero bytes");
        }
        String bad = checker.check(position, end, "segment end");
        if (bad != null) {
            return finish(position, bad);
        }
        entryOffset = position;
        position += checker.frameSize();
        return checker.payload();
    }

    @Override
    public long entryOffset() {
        return entryOffset;
    }

    @Override
    public long problemOffset() {
        return problemOffset;
    }

    @Override
    public String problem() {
        return problem;
    }

    /** V1 zeroes from the damaged entry itself: entries are the unit of writing as far as the layout knows. */
    @Override
    public long tornTailStart() {
        return problemOffset;
    }

    @Override
    public Verdict judgeDamage() throws IOException {
        long next = validEntryAfter(problemOffset);
        return next < 0 ? new Verdict(false, "no intact entry follows it")
                : new Verdict(true, "an intact entry follows it at offset " + next);
    }

    /** Nothing is held back: V1 hands out each entry as soon as it is found intact. */
    @Override
    public void releaseIntactEntriesBeforeProblem() {
    }

    /**
     * Offset of the first fully intact entry (both checksums good) after {@code offset}, or -1. Such an
     * entry means the damage at {@code offset} cannot be a write cut short by a crash, since the writer
     * wrote that entry later. Looks at every byte position, since a damaged length tells nothing about
     * where the next entry starts.
     */
    private long validEntryAfter(long offset) throws IOException {
        long at = offset + 1;
        while (end - at >= EntryFraming.OVERHEAD + 1) {
            int span = (int) Math.min(SegmentBytes.CHUNK, end - at);
            ByteBuffer chunk = bytes.read(at, span);
            int lastHeaderStart = span - EntryFraming.HEADER_BYTES;
            long candidate = -1;
            for (int i = 0; i <= lastHeaderStart; i++) {
                if (checker.plausibleLength(chunk.getInt(i), chunk.getInt(i + 4))) {
                    candidate = at + i;
                    break;
                }
            }
            if (candidate < 0) {
                at += lastHeaderStart + 1;
            } else if (checker.check(candidate, end, "segment end") == null) {
                return candidate;
            } else {
                at = candidate + 1;
            }
        }
        return -1;
    }

    private ByteBuffer finish(long offset, String why) {
        finished = true;
        problemOffset = offset;
        problem = why;
        return null;
    }
}
