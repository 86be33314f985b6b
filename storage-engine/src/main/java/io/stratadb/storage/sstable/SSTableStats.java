package io.stratadb.storage.sstable;

/**
 * What an SSTable holds, summarised: written into the file's statistics block and read back at open,
 * so compaction can choose and drop files without reading their data. Immutable.
 */
public final class SSTableStats {

    /** {@link #maxLocalDeletionTime} of a table with no tombstone and no expiring cell. */
    public static final int NO_DELETIONS = Integer.MIN_VALUE;

    private final SSTableFormatVersion formatVersion;
    private final long keyCount;
    private final long tombstoneCount;
    private final long expiringCount;
    private final long minTimestamp;
    private final long maxTimestamp;
    private final int maxLocalDeletionTime;
    private final byte[] minKey;
    private final byte[] maxKey;
    private final long uncompressedDataSize;
    private final int dataBlockCount;
    private final long fileSize;

    SSTableStats(SSTableFormatVersion formatVersion, long keyCount, long tombstoneCount, long expiringCount,
                 long minTimestamp, long maxTimestamp, int maxLocalDeletionTime, byte[] minKey, byte[] maxKey,
                 long uncompressedDataSize, int dataBlockCount, long fileSize) {
        this.formatVersion = formatVersion;
        this.keyCount = keyCount;
        this.tombstoneCount = tombstoneCount;
        this.expiringCount = expiringCount;
        this.minTimestamp = minTimestamp;
        this.maxTimestamp = maxTimestamp;
        this.maxLocalDeletionTime = maxLocalDeletionTime;
        this.minKey = minKey;
        this.maxKey = maxKey;
        this.uncompressedDataSize = uncompressedDataSize;
        this.dataBlockCount = dataBlockCount;
        this.fileSize = fileSize;
    }

    public SSTableFormatVersion formatVersion() { return formatVersion; }
    public long keyCount() { return keyCount; }
    public long tombstoneCount() { return tombstoneCount; }
    public long expiringCount() { return expiringCount; }
    /** Smallest cell timestamp (micros); {@code Long.MAX_VALUE} if the table is empty. */
    public long minTimestamp() { return minTimestamp; }
    /** Largest cell timestamp (micros); {@code Long.MIN_VALUE} if the table is empty. */
    public long maxTimestamp() { return maxTimestamp; }
    /**
     * Largest {@code localDeletionTime} over tombstones and expiring cells (epoch seconds);
     * {@link #NO_DELETIONS} if there are none. Compaction compares it with gc_grace to tell whether a
     * whole file may be dropped.
     */
    public int maxLocalDeletionTime() { return maxLocalDeletionTime; }
    /** First key, or null if the table is empty. Callers must not modify it. */
    public byte[] minKey() { return minKey; }
    /** Last key, or null if the table is empty. Callers must not modify it. */
    public byte[] maxKey() { return maxKey; }
    /** Sum of the data blocks' sizes before compression. */
    public long uncompressedDataSize() { return uncompressedDataSize; }
    public int dataBlockCount() { return dataBlockCount; }
    /** Bytes of the whole file, footer included. */
    public long fileSize() { return fileSize; }

    public boolean isEmpty() {
        return keyCount == 0;
    }

    @Override
    public String toString() {
        return "SSTableStats{" + formatVersion + ", keys=" + keyCount + ", tombstones=" + tombstoneCount
                + ", expiring=" + expiringCount + ", ts=[" + minTimestamp + ", " + maxTimestamp + "]"
                + ", maxLdt=" + maxLocalDeletionTime + ", blocks=" + dataBlockCount
                + ", data=" + uncompressedDataSize + "B, file=" + fileSize + "B}";
    }
}
