package io.stratadb.storage.sstable;

import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.io.ReadableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4SafeDecompressor;

/**
 * Reads one stored block: checks its CRC32C before anything looks at the bytes, then undoes the
 * compression its trailer names. Stateless apart from the thread-safe decompressor.
 */
final class BlockReader {

    /** Larger than any block we write (a block holds at most one 16 MiB value plus a 64 KiB key). */
    private static final int MAX_UNCOMPRESSED = 1 << 30;

    private final Path path;
    private final ReadableFile file;
    private final LZ4SafeDecompressor decompressor;

    BlockReader(Path path, ReadableFile file, LZ4SafeDecompressor decompressor) {
        this.path = path;
        this.file = file;
        this.decompressor = decompressor;
    }

    /**
     * The block's contents as built by the writer.
     *
     * @param what names the block in a corruption message ("data block", "index block"...)
     * @throws CorruptionException if the CRC does not match or the payload does not decompress
     */
    byte[] read(BlockHandle handle, String what) throws IOException {
        byte[] stored = readStored(handle);
        int length = handle.length();
        if (!checksumMatches(stored, length)) {
            throw new CorruptionException(path, handle.offset(), what + " checksum mismatch");
        }
        byte type = stored[length];
        if (type == SSTableFormat.BLOCK_RAW) {
            return Arrays.copyOf(stored, length);
        }
        if (type == SSTableFormat.BLOCK_LZ4) {
            return decompress(stored, length, handle, what);
        }
        throw new CorruptionException(path, handle.offset(), what + " has unknown compression type " + type);
    }

    /** Payload and trailer exactly as on disk. */
    byte[] readStored(BlockHandle handle) throws IOException {
        byte[] stored = new byte[handle.length() + SSTableFormat.BLOCK_TRAILER_SIZE];
        file.readFully(ByteBuffer.wrap(stored), handle.offset());
        return stored;
    }

    /** Whether the trailer's CRC covers payload and type byte as stored. */
    static boolean checksumMatches(byte[] stored, int payloadLength) {
        CRC32C crc = new CRC32C();
        crc.update(stored, 0, payloadLength + 1);
        return (int) crc.getValue() == BigEndian.getInt(stored, payloadLength + 1);
    }

    private byte[] decompress(byte[] stored, int length, BlockHandle handle, String what) {
        if (length < 4) {
            throw new CorruptionException(path, handle.offset(), what + " too short for its LZ4 header");
        }
        int uncompressed = BigEndian.getInt(stored, 0);
        if (uncompressed < 0 || uncompressed > MAX_UNCOMPRESSED) {
            throw new CorruptionException(path, handle.offset(), what + " claims " + uncompressed + " uncompressed bytes");
        }
        byte[] out = new byte[uncompressed];
        try {
            int n = decompressor.decompress(stored, 4, length - 4, out, 0, uncompressed);
            if (n != uncompressed) {
                throw new CorruptionException(path, handle.offset(),
                        what + " decompressed to " + n + " bytes, expected " + uncompressed);
            }
        } catch (LZ4Exception e) {
            throw new CorruptionException(path, handle.offset(), what + " does not decompress (" + e.getMessage() + ")");
        }
        return out;
    }
}
