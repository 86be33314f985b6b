package io.stratadb.storage.commitlog;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The header that opens every sync section of a V2 segment; layout and the replay rule it serves in
 * docs/commitlog-format.md ("Sync sections"). Big-endian:
 *
 * <pre>
 * offset 0  u32 marker 0x53454354 ("SECT")
 * offset 4  u32 length: bytes of the entries that follow in this section
 * offset 8  u64 syncedUpTo: the segment offset up to which the segment had been fsynced when this
 *               section was written (the segment header's end for the first section of a segment)
 * offset 16 u32 CRC32C of bytes 0..15
 * </pre>
 *
 * <p>The marker is larger than any entry length, so a section header can never be mistaken for an
 * entry header; it also lets replay find later sections quickly when it has to search past damage.
 */
final class SectionHeader {

    static final int SIZE = 20;
    static final int MARKER = 0x53454354;
    private static final int CHECKSUMMED_BYTES = 16;

    private SectionHeader() {
    }

    /** Writes a header at {@code buf[at, at + SIZE)}, leaving the buffer's position and limit alone. */
    static void put(ByteBuffer buf, int at, int length, long syncedUpTo, CRC32C crc) {
        buf.putInt(at, MARKER);
        buf.putInt(at + 4, length);
        buf.putLong(at + 8, syncedUpTo);
        buf.putInt(at + CHECKSUMMED_BYTES, EntryFraming.crc32c(crc, buf, at, at + CHECKSUMMED_BYTES));
    }

    /**
     * Checks the marker and the CRC of the header at {@code header[0, SIZE)}. Null if both are good
     * (then {@link #length} and {@link #syncedUpTo} can be trusted as written), else what is wrong.
     */
    static String check(ByteBuffer header, CRC32C crc) {
        int marker = header.getInt(0);
        if (marker != MARKER) {
            return String.format("not a section header (marker 0x%08X, expected 0x%08X)", marker, MARKER);
        }
        int stored = header.getInt(CHECKSUMMED_BYTES);
        int computed = EntryFraming.crc32c(crc, header, 0, CHECKSUMMED_BYTES);
        if (stored != computed) {
            return String.format("section header checksum mismatch: stored 0x%08X, computed 0x%08X", stored, computed);
        }
        return null;
    }

    /** The length field, unsigned. */
    static long length(ByteBuffer header) {
        return Integer.toUnsignedLong(header.getInt(4));
    }

    static long syncedUpTo(ByteBuffer header) {
        return header.getLong(8);
    }

    /** True if all {@link #SIZE} bytes are zero: where a section would start, nothing was written. */
    static boolean isZero(ByteBuffer header) {
        return header.getLong(0) == 0 && header.getLong(8) == 0 && header.getInt(16) == 0;
    }
}
