package io.stratadb.storage.sstable;

import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.StorageException;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * The fixed-size end of every SSTable: where the meta blocks are, the whole-file digest, the format
 * version, a CRC of the footer itself and the magic number. Version, CRC and magic are the last 16
 * bytes in every version, so a reader can always find out which layout it is looking at.
 */
record Footer(BlockHandle bloom, BlockHandle index, BlockHandle stats, int fileDigest, SSTableFormatVersion version) {

    static final int SIZE = 56;
    private static final int CRC_COVERED = 44;

    byte[] encode() {
        byte[] b = new byte[SIZE];
        BigEndian.putLong(b, 0, bloom.offset());
        BigEndian.putInt(b, 8, bloom.length());
        BigEndian.putLong(b, 12, index.offset());
        BigEndian.putInt(b, 20, index.length());
        BigEndian.putLong(b, 24, stats.offset());
        BigEndian.putInt(b, 32, stats.length());
        BigEndian.putInt(b, 36, fileDigest);
        BigEndian.putInt(b, 40, version.code());
        BigEndian.putInt(b, 44, crc(b));
        BigEndian.putLong(b, 48, SSTableFormat.MAGIC);
        return b;
    }

    /**
     * Parses and checks the footer found at {@code footerOffset} (the file's size minus {@link #SIZE}).
     *
     * @throws CorruptionException if the magic, the CRC or the block layout is wrong
     * @throws StorageException if the file was written by a format version this build does not know
     */
    static Footer decode(byte[] b, Path path, long footerOffset) {
        if (BigEndian.getLong(b, 48) != SSTableFormat.MAGIC) {
            throw new CorruptionException(path, footerOffset + 48, "bad magic number (not an SSTable, or truncated)");
        }
        if (BigEndian.getInt(b, 44) != crc(b)) {
            throw new CorruptionException(path, footerOffset, "footer checksum mismatch");
        }
        int code = BigEndian.getInt(b, 40);
        SSTableFormatVersion version = SSTableFormatVersion.fromCode(code);
        if (version == null) {
            throw new StorageException("SSTable " + path + " has format version " + code
                    + ", which this build cannot read");
        }
        BlockHandle bloom = handle(b, 0, path, footerOffset);
        BlockHandle index = handle(b, 12, path, footerOffset);
        BlockHandle stats = handle(b, 24, path, footerOffset);
        // The meta blocks follow the data back to back; anything else is a damaged or foreign file.
        if (bloom.end() != index.offset() || index.end() != stats.offset() || stats.end() != footerOffset) {
            throw new CorruptionException(path, footerOffset, "footer block handles do not tile the file (bloom "
                    + bloom + ", index " + index + ", stats " + stats + ")");
        }
        return new Footer(bloom, index, stats, BigEndian.getInt(b, 36), version);
    }

    private static BlockHandle handle(byte[] b, int at, Path path, long footerOffset) {
        long offset = BigEndian.getLong(b, at);
        int length = BigEndian.getInt(b, at + 8);
        if (offset < 0 || length < 0 || offset > footerOffset) {
            throw new CorruptionException(path, footerOffset, "footer block handle out of range");
        }
        return new BlockHandle(offset, length);
    }

    private static int crc(byte[] b) {
        CRC32C crc = new CRC32C();
        crc.update(b, 0, CRC_COVERED);
        return (int) crc.getValue();
    }
}
