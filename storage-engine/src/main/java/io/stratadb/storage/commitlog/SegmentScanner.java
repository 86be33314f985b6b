package io.stratadb.storage.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads the entries of one segment, after its header, in file order, and stops at the first spot that
 * is not intact, saying where and why. One implementation per layout: {@link EntryScanner} for V1
 * (entries back to back), {@link SectionScanner} for V2 (entries in sync sections). Scanners only read:
 * whether damage is a torn tail or corruption is {@link CommitLogReplayer}'s decision, made from
 * {@link #judgeDamage()} (docs/commitlog-format.md, "Replay").
 */
interface SegmentScanner {

    /** What the bytes after a damaged spot say about it. */
    record Verdict(boolean provenWritten, String explanation) {
    }

    /** A scanner for the layout of {@code version}, starting right after the segment header. */
    static SegmentScanner of(CommitLogFormatVersion version, SegmentBytes bytes) {
        return switch (version) {
            case V1 -> new EntryScanner(bytes, SegmentHeader.SIZE);
            case V2 -> new SectionScanner(bytes, SegmentHeader.SIZE);
        };
    }

    /**
     * The payload of the next intact entry (a view valid until the next call), or null once reading
     * has stopped; then {@link #problem()} is null for a clean end.
     */
    ByteBuffer next() throws IOException;

    /** Segment offset of the entry {@link #next()} last returned. */
    long entryOffset();

    /** Why reading stopped early, or null if it reached the end cleanly (or has not stopped yet). */
    String problem();

    /** Offset of the damaged entry or header where reading stopped, or -1. */
    long problemOffset();

    /**
     * Where a torn tail starts, if the problem is one: the first byte of the unfinished write, which may
     * lie before {@link #problemOffset()} (V2: the start of the damaged section).
     */
    long tornTailStart();

    /**
     * Whether intact data after the problem proves the damaged bytes had been written (and, in V2,
     * synced) before it; if so the damage cannot be an unfinished last write. Call only after a problem.
     */
    Verdict judgeDamage() throws IOException;

    /**
     * After a problem judged to be corruption: lets {@link #next()} return the intact entries before the
     * problem that it held back, if any (V2 checks a whole section before handing out its entries, so a
     * section damaged in its middle has some), then stop again.
     */
    void releaseIntactEntriesBeforeProblem();
}
