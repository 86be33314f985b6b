package io.stratadb.storage.sstable;

import io.stratadb.storage.Cell;

/** Accumulates an {@link SSTableStats} while a writer appends. */
final class StatsCollector {

    private long keyCount;
    private long tombstoneCount;
    private long expiringCount;
    private long minTimestamp = Long.MAX_VALUE;
    private long maxTimestamp = Long.MIN_VALUE;
    private int maxLocalDeletionTime = SSTableStats.NO_DELETIONS;
    private byte[] minKey;
    private byte[] maxKey;
    private long uncompressedDataSize;
    private int dataBlockCount;

    /** {@code key} is the writer's own copy; appends come in key order. */
    void add(byte[] key, Cell cell) {
        if (keyCount == 0) {
            minKey = key;
        }
        maxKey = key;
        keyCount++;
        minTimestamp = Math.min(minTimestamp, cell.timestamp());
        maxTimestamp = Math.max(maxTimestamp, cell.timestamp());
        if (cell.kind() != Cell.Kind.VALUE) {
            if (cell.kind() == Cell.Kind.TOMBSTONE) {
                tombstoneCount++;
            } else {
                expiringCount++;
            }
            maxLocalDeletionTime = Math.max(maxLocalDeletionTime, cell.localDeletionTime());
        }
    }

    void addDataBlock(int uncompressedSize) {
        uncompressedDataSize += uncompressedSize;
        dataBlockCount++;
    }

    SSTableStats toStats(SSTableFormatVersion version, long fileSize) {
        return new SSTableStats(version, keyCount, tombstoneCount, expiringCount, minTimestamp, maxTimestamp,
                maxLocalDeletionTime, minKey, maxKey, uncompressedDataSize, dataBlockCount, fileSize);
    }
}
