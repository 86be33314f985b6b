package io.stratadb.storage.sstable;

import io.stratadb.storage.StorageConfig;

/** How an {@link SSTableWriter} lays out a new file. Immutable. */
public final class SSTableOptions {

    /** Smallest block size accepted; tests use small blocks to get many of them. */
    public static final int MIN_BLOCK_SIZE = 64;

    private final int blockSize;
    private final boolean compression;
    private final double bloomFalsePositiveChance;

    private SSTableOptions(int blockSize, boolean compression, double bloomFalsePositiveChance) {
        if (blockSize < MIN_BLOCK_SIZE) {
            throw new IllegalArgumentException("blockSize must be >= " + MIN_BLOCK_SIZE + ", got " + blockSize);
        }
        if (!(bloomFalsePositiveChance > 0 && bloomFalsePositiveChance < 1)) {
            throw new IllegalArgumentException("bloomFalsePositiveChance must be in (0, 1), got " + bloomFalsePositiveChance);
        }
        this.blockSize = blockSize;
        this.compression = compression;
        this.bloomFalsePositiveChance = bloomFalsePositiveChance;
    }

    public static SSTableOptions of(int blockSize, boolean compression, double bloomFalsePositiveChance) {
        return new SSTableOptions(blockSize, compression, bloomFalsePositiveChance);
    }

    public static SSTableOptions from(StorageConfig config) {
        return new SSTableOptions(config.blockSize(), config.compression(), config.bloomFalsePositiveChance());
    }

    /** Target uncompressed size of a data block; a block is closed once it reaches this. */
    public int blockSize() {
        return blockSize;
    }

    /** Whether blocks are LZ4-compressed (each one only if that saves space). */
    public boolean compression() {
        return compression;
    }

    public double bloomFalsePositiveChance() {
        return bloomFalsePositiveChance;
    }

    @Override
    public String toString() {
        return "SSTableOptions{blockSize=" + blockSize + ", compression=" + compression
                + ", bloomFalsePositiveChance=" + bloomFalsePositiveChance + "}";
    }
}
