package io.stratadb.storage.commitlog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Reads a V2 segment: sync sections, each a {@link SectionHeader} and the entries it counts. A section
 * is the unit: its header and every entry in it are checked before any of its entries is handed out, so
 * a batch the writer wrote with one call replays whole or not at all. Reading ends cleanly at the
 * segment end or at an all-zero section header followed only by zeros.
 *
 * <p>{@link #judgeDamage} applies V2's rule: the damage was synced data (so it is corruption) only if an
 * intact section after it says the segment had been synced past it when that section was written.
 * Intact sections that say less are writes that reached the disk out of order during a power cut.
 */
final class SectionScanner implements SegmentScanner {

    private final SegmentBytes bytes;
    private final long end;
    private final EntryChecker entries;
    private final CRC32C crc = new CRC32C();
    private long position;
    /** End of the checked section being handed out; {@code position < sectionEnd} while inside it. */
    private long sectionEnd = -1;
    private long entryOffset = -1;
    private boolean finished;
    private long problemOffset = -1;
    private long damagedSection = -1;
    private String problem;
    // What the last checkSectionAt found: the section's fields, and where it is damaged, if it is.
    private long checkedLength;
    private long checkedSyncedUpTo;
    private long checkedDamageAt;

    /** Scans sections from {@code start} (just after the segment header) to the end of {@code bytes}. */
    SectionScanner(SegmentBytes bytes, long start) {
        this.bytes = bytes;
        this.end = bytes.length();
        this.entries = new EntryChecker(bytes);
        this.position = start;
    }

    @Override
    public ByteBuffer next() throws IOException {
        while (true) {
            if (position < sectionEnd) {
                // Checked as part of its section a moment ago; checked again only to get at the payload.
                String bad = entries.check(position, sectionEnd, "section end");
                if (bad != null) {
                    throw new IllegalStateException("entry at " + position + " changed since it was checked: " + bad);
                }
                entryOffset = position;
                position += entries.frameSize();
                return entries.payload();
            }
            if (finished || !openSection()) {
                return null;
            }
        }
    }

    /** At a section boundary: checks the section there and makes it current; false if reading stops. */
    private boolean openSection() throws IOException {
        long left = end - position;
        if (left == 0) {
            return finish(-1, -1, null);
        }
        if (left < SectionHeader.SIZE) {
            return bytes.allZero(position, end) ? finish(-1, -1, null)
                    : finish(position, position, "partial section header: " + left + " bytes before the segment end");
        }
        if (SectionHeader.isZero(bytes.read(position, SectionHeader.SIZE))) {
            return bytes.allZero(position + SectionHeader.SIZE, end) ? finish(-1, -1, null)
                    : finish(position, position, "zeroed section header followed by non-zero bytes");
        }
        String bad = checkSectionAt(position);
        if (bad != null) {
            return finish(checkedDamageAt, position, bad);
        }
        sectionEnd = position + SectionHeader.SIZE + checkedLength;
        position += SectionHeader.SIZE;
        return true;
    }

    /**
     * Null if an intact section starts at {@code at} (header marker, CRC and fields good, every entry
     * intact and the entries exactly filling it), else why not, with {@link #checkedDamageAt} set to
     * the offset of the damaged header or entry.
     */
    private String checkSectionAt(long at) throws IOException {
        checkedDamageAt = at;
        ByteBuffer header = bytes.read(at, SectionHeader.SIZE);
        String bad = SectionHeader.check(header, crc);
        if (bad != null) {
            return bad;
        }
        checkedLength = SectionHeader.length(header);
        checkedSyncedUpTo = SectionHeader.syncedUpTo(header);
        if (checkedLength < EntryFraming.OVERHEAD + 1) {
            return "section length " + checkedLength + " is less than one entry";
        }
        if (checkedSyncedUpTo < SegmentHeader.SIZE || checkedSyncedUpTo > at) {
            return "section says the segment was synced up to offset " + checkedSyncedUpTo
                    + ", outside [" + SegmentHeader.SIZE + ", " + at + "]";
        }
        long declaredEnd = at + SectionHeader.SIZE + checkedLength;
        long limit = Math.min(declaredEnd, end);
        String limitName = declaredEnd <= end ? "section end" : "segment end";
        for (long p = at + SectionHeader.SIZE; p < limit; p += entries.frameSize()) {
            bad = entries.check(p, limit, limitName);
            if (bad != null) {
                checkedDamageAt = p;
                return bad;
            }
        }
        if (declaredEnd > end) {
            checkedDamageAt = end;
            return "section of " + checkedLength + " entry bytes runs past the segment end at " + end;
        }
        return null;
    }

    @Override
    public long entryOffset() {
        return entryOffset;
    }

    @Override
    public String problem() {
        return problem;
    }

    @Override
    public long problemOffset() {
        return problemOffset;
    }

    /** The whole damaged section: it was one write, and none of it can have been acknowledged as synced. */
    @Override
    public long tornTailStart() {
        return damagedSection;
    }

    /**
     * Looks at every intact section after the damage. Every byte offset is tried, since a damaged
     * section header says nothing about where the next one starts; an intact section is then skipped
     * whole, so bytes inside its entries are never mistaken for a section.
     */
    @Override
    public Verdict judgeDamage() throws IOException {
        long x = problemOffset;
        int intactAfter = 0;
        long highestClaim = -1;
        long at = x + 1;
        while (end - at >= SectionHeader.SIZE + EntryFraming.OVERHEAD + 1) {
            long candidate = nextMarker(at);
            if (candidate < 0) {
                break;
            }
            if (end - candidate >= SectionHeader.SIZE && checkSectionAt(candidate) == null) {
                if (checkedSyncedUpTo > x) {
                    return new Verdict(true, "the intact section at offset " + candidate
                            + " says the segment had been synced up to offset " + checkedSyncedUpTo
                            + " before it was written, so this data was durable");
                }
                intactAfter++;
                highestClaim = Math.max(highestClaim, checkedSyncedUpTo);
                at = candidate + SectionHeader.SIZE + checkedLength;
            } else {
                at = candidate + 1;
            }
        }
        return new Verdict(false, intactAfter == 0 ? "no intact section follows it"
                : intactAfter + " intact section(s) after it were never synced (the highest says the segment was"
                        + " synced up to offset " + highestClaim + ")");
    }

    /** Offset of the first section marker at or after {@code from}, or -1. */
    private long nextMarker(long from) throws IOException {
        for (long at = from; end - at >= Integer.BYTES; ) {
            int span = (int) Math.min(SegmentBytes.CHUNK, end - at);
            ByteBuffer chunk = bytes.read(at, span);
            for (int i = 0; i <= span - Integer.BYTES; i++) {
                if (chunk.getInt(i) == SectionHeader.MARKER) {
                    return at + i;
                }
            }
            // The next chunk starts where a marker straddling this chunk's end would begin.
            at += span - Integer.BYTES + 1;
        }
        return -1;
    }

    /** The damaged section's entries before the damage, all intact; nothing if its header was the damage. */
    @Override
    public void releaseIntactEntriesBeforeProblem() {
        if (problem != null && problemOffset > damagedSection) {
            position = damagedSection + SectionHeader.SIZE;
            sectionEnd = problemOffset;
        }
    }

    private boolean finish(long offset, long section, String why) {
        finished = true;
        problemOffset = offset;
        damagedSection = section;
        problem = why;
        sectionEnd = -1;
        return false;
    }
}
