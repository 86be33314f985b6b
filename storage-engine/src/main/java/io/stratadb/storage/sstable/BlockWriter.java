package io.stratadb.storage.sstable;

import io.stratadb.storage.io.WritableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;
import net.jpountz.lz4.LZ4Compressor;

/**
 * Stores blocks in an SSTable file: compresses each one if that pays, appends the type-and-CRC
 * trailer, and keeps the running CRC32C of every byte written, which becomes the footer's whole-file
 * digest without a second pass over the file.
 */
final class BlockWriter {

    private final WritableFile file;
    private final LZ4Compressor compressor; // null: compression off
    private final CRC32C blockCrc = new CRC32C();
    private final CRC32C fileDigest = new CRC32C();
    private final ByteArrayBuilder staging = new ByteArrayBuilder(1024);
    private long position;

    BlockWriter(WritableFile file, LZ4Compressor compressor) {
        this.file = file;
        this.compressor = compressor;
    }

    /**
     * Stores {@code raw[0, length)} as one block, LZ4-compressed if {@code compressible}, compression
     * is on and it saves enough. Returns where the block went.
     */
    BlockHandle write(byte[] raw, int length, boolean compressible) throws IOException {
        staging.reset(length + 64);
        byte type = SSTableFormat.BLOCK_RAW;
        if (compressible && compressor != null) {
            int max = compressor.maxCompressedLength(length);
            staging.ensureSpace(4 + max + SSTableFormat.BLOCK_TRAILER_SIZE);
            int compressed = compressor.compress(raw, 0, length, staging.array(), 4, max);
            int saving = length - (4 + compressed);
            if (saving > 0 && saving >= (length >>> SSTableFormat.MIN_COMPRESSION_SAVING_SHIFT)) {
                BigEndian.putInt(staging.array(), 0, length);
                staging.skip(4 + compressed); // the compressed bytes are already in place
                type = SSTableFormat.BLOCK_LZ4;
            }
        }
        if (type == SSTableFormat.BLOCK_RAW) {
            staging.writeBytes(raw, 0, length);
        }
        int payloadLength = staging.size();
        staging.writeByte(type);
        blockCrc.reset();
        blockCrc.update(staging.array(), 0, payloadLength + 1);
        staging.writeInt((int) blockCrc.getValue());
        return append(staging.array(), payloadLength);
    }

    private BlockHandle append(byte[] out, int payloadLength) throws IOException {
        int total = payloadLength + SSTableFormat.BLOCK_TRAILER_SIZE;
        fileDigest.update(out, 0, total);
        file.write(ByteBuffer.wrap(out, 0, total));
        BlockHandle handle = new BlockHandle(position, payloadLength);
        position += total;
        return handle;
    }

    /** Writes the footer, which is outside the digest it carries. */
    void writeFooter(byte[] footer) throws IOException {
        file.write(ByteBuffer.wrap(footer));
        position += footer.length;
    }

    /** Bytes written so far. */
    long position() {
        return position;
    }

    /** CRC32C of every byte written before the footer. */
    int fileDigest() {
        return (int) fileDigest.getValue();
    }
}
