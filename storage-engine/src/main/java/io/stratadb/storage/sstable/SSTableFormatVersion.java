package io.stratadb.storage.sstable;

/**
 * Every layout an SSTable file has had. The footer records the version that wrote the file, so a
 * reader can keep reading old files after the writer moves on. Never renumber or remove a version.
 */
public enum SSTableFormatVersion {

    /**
     * The first format: data blocks with a per-entry offset array, each stored raw or LZ4 with a
     * CRC32C trailer; a bloom filter over XXHash64 with double hashing; a block index holding each
     * block's full last key; a statistics block; a 56-byte footer with a whole-file CRC32C.
     */
    V1(1);

    private final int code;

    SSTableFormatVersion(int code) {
        this.code = code;
    }

    /** The number stored in the footer. */
    public int code() {
        return code;
    }

    /** The version new files are written in. */
    public static SSTableFormatVersion current() {
        return V1;
    }

    /** The version for a footer's code, or null if this build does not know it. */
    static SSTableFormatVersion fromCode(int code) {
        for (SSTableFormatVersion v : values()) {
            if (v.code == code) {
                return v;
            }
        }
        return null;
    }
}
