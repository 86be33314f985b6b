package io.stratadb.storage.sstable;

import io.stratadb.storage.Cell;
import java.util.Arrays;

/**
 * Reads entries out of one decompressed data block in place. A block is checked once by
 * {@link #validate} before it is used or cached; the accessors then trust it, which keeps the get path
 * to a binary search over the offset array with no decoding of the entries it skips.
 */
final class DataBlockReader {

    private DataBlockReader() {
    }

    static int entryCount(byte[] block) {
        return BigEndian.getInt(block, block.length - SSTableFormat.BLOCK_COUNT_SIZE);
    }

    private static int offsetArrayStart(byte[] block, int count) {
        return block.length - SSTableFormat.BLOCK_COUNT_SIZE - count * SSTableFormat.BLOCK_OFFSET_SIZE;
    }

    /** Offset of entry {@code i}'s first byte (its key length). */
    static int entryOffset(byte[] block, int count, int i) {
        return BigEndian.getInt(block, offsetArrayStart(block, count) + i * SSTableFormat.BLOCK_OFFSET_SIZE);
    }

    /**
     * The index of the entry whose key equals {@code key}, or {@code -(insertion point) - 1} where the
     * insertion point is the first entry with a larger key (as {@link Arrays#binarySearch}).
     */
    static int find(byte[] block, byte[] key) {
        int count = entryCount(block);
        int offsets = offsetArrayStart(block, count);
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int p = BigEndian.getInt(block, offsets + mid * SSTableFormat.BLOCK_OFFSET_SIZE);
            int keyLength = block[p];
            if (keyLength >= 0) {
                p++;
            } else {
                keyLength = (int) VarInt.read(block, p, block.length);
                p += VarInt.size(keyLength);
            }
            int c = Arrays.compareUnsigned(block, p, p + keyLength, key, 0, key.length);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** Index of the first entry with a key {@code >= key}; {@link #entryCount} if there is none. */
    static int lowerBound(byte[] block, byte[] key) {
        int i = find(block, key);
        return i >= 0 ? i : -(i + 1);
    }

    /** A copy of entry {@code i}'s key. */
    static byte[] key(byte[] block, int count, int i) {
        int p = entryOffset(block, count, i);
        int keyLength = (int) VarInt.read(block, p, block.length);
        p += VarInt.size(keyLength);
        return Arrays.copyOfRange(block, p, p + keyLength);
    }

    /** Entry {@code i}'s cell, with its value copied out of the block. */
    static Cell cell(byte[] block, int count, int i) {
        int p = entryOffset(block, count, i);
        int keyLength = (int) VarInt.read(block, p, block.length);
        p += VarInt.size(keyLength) + keyLength;
        Cell.Kind kind = Cell.Kind.fromCode(block[p++]);
        long timestamp = BigEndian.getLong(block, p);
        p += 8;
        int localDeletionTime = Cell.NO_DELETION_TIME;
        if (kind != Cell.Kind.VALUE) {
            localDeletionTime = BigEndian.getInt(block, p);
            p += 4;
        }
        byte[] value = null;
        if (kind != Cell.Kind.TOMBSTONE) {
            int valueLength = (int) VarInt.read(block, p, block.length);
            p += VarInt.size(valueLength);
            value = Arrays.copyOfRange(block, p, p + valueLength);
        }
        return Cell.of(kind, timestamp, localDeletionTime, value);
    }

    /**
     * Checks the block's structure: the count and offset array fit, every entry decodes to exactly the
     * bytes up to the next entry, kinds are known and keys strictly ascend. A block that passed its
     * CRC can only fail this through a writer bug, but then we fail loudly instead of decoding garbage.
     *
     * @return null if the block is well formed, else what is wrong with it
     */
    static String validate(byte[] block) {
        if (block.length < SSTableFormat.BLOCK_COUNT_SIZE) {
            return "data block shorter than its entry count";
        }
        int count = entryCount(block);
        long arrayBytes = (long) count * SSTableFormat.BLOCK_OFFSET_SIZE + SSTableFormat.BLOCK_COUNT_SIZE;
        if (count <= 0 || arrayBytes > block.length) {
            return "data block entry count " + count + " does not fit its " + block.length + " bytes";
        }
        int entriesEnd = offsetArrayStart(block, count);
        int expected = 0;
        int prevKeyStart = -1;
        int prevKeyLength = 0;
        try {
            for (int i = 0; i < count; i++) {
                int p = entryOffset(block, count, i);
                if (p != expected) {
                    return "data block entry " + i + " starts at " + p + ", expected " + expected;
                }
                int keyLength = VarInt.readInt(block, p, entriesEnd);
                p += VarInt.size(keyLength);
                int keyStart = p;
                p = advance(p, keyLength, entriesEnd);
                if (prevKeyStart >= 0 && Arrays.compareUnsigned(block, prevKeyStart, prevKeyStart + prevKeyLength,
                        block, keyStart, keyStart + keyLength) >= 0) {
                    return "data block keys out of order at entry " + i;
                }
                prevKeyStart = keyStart;
                prevKeyLength = keyLength;
                p = advance(p, 1, entriesEnd);
                Cell.Kind kind = Cell.Kind.fromCode(block[p - 1]);
                p = advance(p, kind == Cell.Kind.VALUE ? 8 : 12, entriesEnd);
                if (kind != Cell.Kind.TOMBSTONE) {
                    int valueLength = VarInt.readInt(block, p, entriesEnd);
                    p = advance(p + VarInt.size(valueLength), valueLength, entriesEnd);
                }
                expected = p;
            }
        } catch (IllegalArgumentException e) {
            return "data block entry malformed: " + e.getMessage();
        }
        if (expected != entriesEnd) {
            return "data block has " + (entriesEnd - expected) + " stray bytes before its offset array";
        }
        return null;
    }

    private static int advance(int p, int n, int limit) {
        if (n < 0 || (long) p + n > limit) {
            throw new IllegalArgumentException("field of " + n + " bytes runs past the entries");
        }
        return p + n;
    }
}
