package io.stratadb.storage.sstable;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Encodes {@link SSTableStats} as the statistics block. File size and format version are not stored
 * here: the reader knows them from the file and its footer.
 */
final class StatsBlock {

    private StatsBlock() {
    }

    static byte[] encode(SSTableStats s) {
        byte[] minKey = s.isEmpty() ? new byte[0] : s.minKey();
        byte[] maxKey = s.isEmpty() ? new byte[0] : s.maxKey();
        ByteArrayBuilder out = new ByteArrayBuilder(80 + minKey.length + maxKey.length);
        out.writeLong(s.keyCount());
        out.writeLong(s.tombstoneCount());
        out.writeLong(s.expiringCount());
        out.writeLong(s.minTimestamp());
        out.writeLong(s.maxTimestamp());
        out.writeInt(s.maxLocalDeletionTime());
        out.writeLong(s.uncompressedDataSize());
        out.writeInt(s.dataBlockCount());
        out.writeVarInt(minKey.length);
        out.writeBytes(minKey);
        out.writeVarInt(maxKey.length);
        out.writeBytes(maxKey);
        return out.toByteArray();
    }

    /**
     * @throws IllegalArgumentException if the block is malformed or its numbers contradict each other
     */
    static SSTableStats decode(byte[] block, SSTableFormatVersion version, long fileSize) {
        try {
            ByteBuffer b = ByteBuffer.wrap(block);
            long keyCount = b.getLong();
            long tombstones = b.getLong();
            long expiring = b.getLong();
            long minTs = b.getLong();
            long maxTs = b.getLong();
            int maxLdt = b.getInt();
            long dataSize = b.getLong();
            int blocks = b.getInt();
            byte[] minKey = readKey(block, b);
            byte[] maxKey = readKey(block, b);
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("statistics block has " + b.remaining() + " stray bytes");
            }
            if (keyCount < 0 || tombstones < 0 || expiring < 0 || tombstones + expiring > keyCount
                    || dataSize < 0 || blocks < 0 || blocks > keyCount || (keyCount > 0) != (blocks > 0)) {
                throw new IllegalArgumentException("statistics block counts are inconsistent");
            }
            if (keyCount == 0) {
                return new SSTableStats(version, 0, 0, 0, minTs, maxTs, maxLdt, null, null, dataSize, blocks, fileSize);
            }
            if (minTs > maxTs || Arrays.compareUnsigned(minKey, maxKey) > 0) {
                throw new IllegalArgumentException("statistics block ranges are inverted");
            }
            return new SSTableStats(version, keyCount, tombstones, expiring, minTs, maxTs, maxLdt, minKey, maxKey,
                    dataSize, blocks, fileSize);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("statistics block is truncated");
        }
    }

    private static byte[] readKey(byte[] block, ByteBuffer b) {
        int length = VarInt.readInt(block, b.position(), block.length);
        b.position(b.position() + VarInt.size(length));
        if (length > b.remaining()) {
            throw new BufferUnderflowException();
        }
        byte[] key = new byte[length];
        b.get(key);
        return key;
    }
}
