package io.stratadb.storage.commitlog;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * The fixed header at the start of every segment file; layout in docs/commitlog-format.md
 * ("Segment header"). Big-endian:
 *
 * <pre>
 * offset 0  u32 magic 0x5354434C ("STCL")
 * offset 4  u16 format version ({@link CommitLogFormatVersion})
 * offset 6  u16 flags, 0 in V1 and V2 (reserved so a later version can mark e.g. compressed segments)
 * offset 8  i64 segment id (also in the file name; the two must agree)
 * offset 16 u32 CRC32C of bytes 0..15
 * </pre>
 */
final class SegmentHeader {

    static final int MAGIC = 0x5354434C;
    static final int SIZE = 20;
    private static final int CHECKSUMMED_BYTES = 16;

    private SegmentHeader() {
    }

    /** What a valid header says: the segment id, and the layout of everything after the header. */
    record Fields(long id, CommitLogFormatVersion version) {
    }

    /** A fresh header for segment {@code id} in the current format, ready to write. */
    static ByteBuffer encode(long id) {
        return encode(id, CommitLogFormatVersion.CURRENT);
    }

    /** A header in {@code version}; only tests write any but the current one (old segments must still replay). */
    static ByteBuffer encode(long id, CommitLogFormatVersion version) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.BIG_ENDIAN);
        b.putInt(MAGIC);
        b.putShort((short) version.code());
        b.putShort((short) 0);
        b.putLong(id);
        b.putInt(crcOfFirst16(b));
        b.flip();
        return b;
    }

    /**
     * Checks a header read from disk and returns what it says.
     *
     * @param header exactly {@link #SIZE} bytes from position 0
     * @throws IllegalArgumentException saying what is wrong, if anything is
     */
    static Fields decode(ByteBuffer header) {
        if (header.remaining() != SIZE) {
            throw new IllegalArgumentException("segment header must be " + SIZE + " bytes, got " + header.remaining());
        }
        ByteBuffer b = header.slice().order(ByteOrder.BIG_ENDIAN);
        int magic = b.getInt(0);
        if (magic != MAGIC) {
            throw new IllegalArgumentException(String.format(
                    "not a commit-log segment: magic 0x%08X, expected 0x%08X", magic, MAGIC));
        }
        int stored = b.getInt(CHECKSUMMED_BYTES);
        int computed = crcOfFirst16(b);
        if (stored != computed) {
            throw new IllegalArgumentException(String.format(
                    "segment header checksum mismatch: stored 0x%08X, computed 0x%08X", stored, computed));
        }
        int versionCode = Short.toUnsignedInt(b.getShort(4));
        CommitLogFormatVersion version = CommitLogFormatVersion.fromCode(versionCode);
        if (version == null) {
            throw new IllegalArgumentException("unknown commit-log format version " + versionCode
                    + " (this build reads up to " + CommitLogFormatVersion.CURRENT.code() + ")");
        }
        int flags = Short.toUnsignedInt(b.getShort(6));
        if (flags != 0) {
            throw new IllegalArgumentException("unknown segment header flags 0x" + Integer.toHexString(flags));
        }
        return new Fields(b.getLong(8), version);
    }

    private static int crcOfFirst16(ByteBuffer b) {
        CRC32C crc = new CRC32C();
        crc.update(b.duplicate().position(0).limit(CHECKSUMMED_BYTES));
        return (int) crc.getValue();
    }
}
