package io.stratadb.storage.sstable;

import io.stratadb.storage.Cell;
import java.util.Arrays;

/**
 * Builds one data block: entries in key order, then the offset of every entry, then the entry count
 * (layout in {@code docs/sstable-format.md}). An offset per entry, rather than LevelDB's restart
 * points with prefix-compressed keys, lets a get binary-search straight to its entry with no linear
 * walk; LZ4 recovers most of what prefix compression would have saved.
 */
final class DataBlockBuilder {

    private final int blockSize;
    private final ByteArrayBuilder buf;
    private int[] offsets = new int[64];
    private int count;

    DataBlockBuilder(int blockSize) {
        this.blockSize = blockSize;
        // Room for the offset array too, so a normal block never regrows.
        this.buf = new ByteArrayBuilder(blockSize + blockSize / 8);
    }

    void add(byte[] key, Cell cell) {
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
        }
        offsets[count++] = buf.size();
        buf.writeVarInt(key.length);
        buf.writeBytes(key);
        Cell.Kind kind = cell.kind();
        buf.writeByte(kind.code());
        buf.writeLong(cell.timestamp());
        if (kind != Cell.Kind.VALUE) {
            buf.writeInt(cell.localDeletionTime());
        }
        if (kind != Cell.Kind.TOMBSTONE) {
            byte[] value = cell.value();
            buf.writeVarInt(value.length);
            buf.writeBytes(value);
        }
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Size the block will have once finished: entries, offset array and count. */
    int currentSize() {
        return buf.size() + count * SSTableFormat.BLOCK_OFFSET_SIZE + SSTableFormat.BLOCK_COUNT_SIZE;
    }

    /** True once the block has reached its target size and should be written. */
    boolean isFull() {
        return currentSize() >= blockSize;
    }

    /**
     * Appends the offset array and count and returns the buffer holding the finished block in
     * {@code [0, size())}. Valid until {@link #reset}.
     */
    ByteArrayBuilder finish() {
        for (int i = 0; i < count; i++) {
            buf.writeInt(offsets[i]);
        }
        buf.writeInt(count);
        return buf;
    }

    void reset() {
        buf.reset(blockSize + blockSize / 8);
        count = 0;
    }
}
