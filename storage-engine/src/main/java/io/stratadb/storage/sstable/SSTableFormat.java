package io.stratadb.storage.sstable;

/**
 * Constants of the SSTable file format. See {@code docs/sstable-format.md} for the byte layout they
 * belong to; change the two together, and add a {@link SSTableFormatVersion} when the layout changes.
 */
final class SSTableFormat {

    private SSTableFormat() {
    }

    /** Last eight bytes of every SSTable: "STRATASS" in ASCII, so a stray file is recognised at once. */
    static final long MAGIC = 0x5354524154415353L;

    /** Bytes after every stored block: one compression-type byte and a CRC32C. */
    static final int BLOCK_TRAILER_SIZE = 5;

    /** Block trailer type: the payload is the block's bytes as built. */
    static final byte BLOCK_RAW = 0;
    /** Block trailer type: the payload is a u32 uncompressed length followed by one LZ4 block. */
    static final byte BLOCK_LZ4 = 1;

    /**
     * A block is stored compressed only if that saves at least 1/8 of it: decompression runs on every
     * cache miss, and a few percent of disk are not worth that CPU.
     */
    static final int MIN_COMPRESSION_SAVING_SHIFT = 3;

    /** Seed of the XXHash64 the bloom filter hashes keys with; changing it invalidates every filter. */
    static final long BLOOM_HASH_SEED = 0x6A09E667F3BCC908L;

    /** Most hash functions a bloom filter may use (the optimum for p = 1e-9 is 30). */
    static final int MAX_BLOOM_HASHES = 30;

    /** Size of the trailing data-block field holding the entry count. */
    static final int BLOCK_COUNT_SIZE = 4;
    /** Size of one entry offset in a data block's offset array. */
    static final int BLOCK_OFFSET_SIZE = 4;
}
