package io.stratadb.storage.sstable;

import java.util.Arrays;

/**
 * The parsed block index of one SSTable, shared through the index cache. Last keys sit back to back
 * in one array and handles in primitive arrays, so a lookup binary-searches without touching an
 * object per block and the whole index costs a handful of allocations.
 */
final class BlockIndex {

    private final byte[] keys;
    private final int[] keyStarts; // block i's last key is keys[keyStarts[i], keyStarts[i + 1])
    private final long[] offsets;
    private final int[] lengths;

    private BlockIndex(byte[] keys, int[] keyStarts, long[] offsets, int[] lengths) {
        this.keys = keys;
        this.keyStarts = keyStarts;
        this.offsets = offsets;
        this.lengths = lengths;
    }

    int blockCount() {
        return offsets.length;
    }

    BlockHandle handle(int block) {
        return new BlockHandle(offsets[block], lengths[block]);
    }

    long offset(int block) {
        return offsets[block];
    }

    int length(int block) {
        return lengths[block];
    }

    byte[] lastKey(int block) {
        return Arrays.copyOfRange(keys, keyStarts[block], keyStarts[block + 1]);
    }

    /** The first block whose last key is {@code >= key}, i.e. the only one that can hold it; -1 if none. */
    int findBlock(byte[] key) {
        int lo = 0;
        int hi = offsets.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Arrays.compareUnsigned(keys, keyStarts[mid], keyStarts[mid + 1], key, 0, key.length);
            if (c < 0) {
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return lo < offsets.length ? lo : -1;
    }

    /** Heap bytes held, for the index cache's weigher. */
    int memoryBytes() {
        long bytes = 64L + keys.length + 4L * keyStarts.length + 8L * offsets.length + 4L * lengths.length;
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /**
     * Parses an index block and checks that its handles tile {@code [0, dataEnd)} exactly, in order,
     * and that last keys strictly ascend.
     *
     * @throws IllegalArgumentException if not
     */
    static BlockIndex decode(byte[] block, long dataEnd) {
        int p = 0;
        int count = VarInt.readInt(block, p, block.length);
        p += VarInt.size(count);
        if (count > block.length) { // every entry takes at least three bytes
            throw new IllegalArgumentException("index claims " + count + " blocks in " + block.length + " bytes");
        }
        byte[] keys = new byte[block.length];
        int[] keyStarts = new int[count + 1];
        long[] offsets = new long[count];
        int[] lengths = new int[count];
        int keyBytes = 0;
        long expectedOffset = 0;
        for (int i = 0; i < count; i++) {
            int keyLength = VarInt.readInt(block, p, block.length);
            p += VarInt.size(keyLength);
            if (keyLength > block.length - p) {
                throw new IllegalArgumentException("index key " + i + " runs past the block");
            }
            System.arraycopy(block, p, keys, keyBytes, keyLength);
            p += keyLength;
            keyStarts[i] = keyBytes;
            keyStarts[i + 1] = keyBytes + keyLength;
            if (i > 0 && Arrays.compareUnsigned(keys, keyStarts[i - 1], keyStarts[i], keys, keyStarts[i], keyStarts[i + 1]) >= 0) {
                throw new IllegalArgumentException("index keys out of order at block " + i);
            }
            keyBytes += keyLength;
            offsets[i] = VarInt.read(block, p, block.length);
            p += VarInt.size(offsets[i]);
            lengths[i] = VarInt.readInt(block, p, block.length);
            p += VarInt.size(lengths[i]);
            if (offsets[i] != expectedOffset) {
                throw new IllegalArgumentException("index block " + i + " at " + offsets[i] + ", expected " + expectedOffset);
            }
            expectedOffset = new BlockHandle(offsets[i], lengths[i]).end();
        }
        if (p != block.length) {
            throw new IllegalArgumentException("index has " + (block.length - p) + " stray bytes");
        }
        if (expectedOffset != dataEnd) {
            throw new IllegalArgumentException("index covers data up to " + expectedOffset + ", data ends at " + dataEnd);
        }
        return new BlockIndex(Arrays.copyOf(keys, keyBytes), keyStarts, offsets, lengths);
    }
}
