package io.stratadb.storage.sstable;

import io.stratadb.storage.CorruptionException;
import io.stratadb.storage.io.ReadableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Checks a whole SSTable against its footer: the footer's own CRC, then the CRC32C of every byte
 * before it. On a mismatch it checks block by block, so the error names the damaged block's offset
 * rather than just "somewhere in this file". Reads the file directly, bypassing the caches.
 */
final class FileVerifier {

    private static final int CHUNK = 1 << 20;

    private final Path path;
    private final ReadableFile file;
    private final long footerOffset;
    private final Footer footer;
    private final BlockReader blocks;
    private final SSTableMetrics metrics;

    FileVerifier(Path path, ReadableFile file, long fileSize, Footer footer, BlockReader blocks, SSTableMetrics metrics) {
        this.path = path;
        this.file = file;
        this.footerOffset = fileSize - Footer.SIZE;
        this.footer = footer;
        this.blocks = blocks;
        this.metrics = metrics;
    }

    void verify() throws IOException {
        byte[] footerBytes = new byte[Footer.SIZE];
        file.readFully(ByteBuffer.wrap(footerBytes), footerOffset);
        if (!Footer.decode(footerBytes, path, footerOffset).equals(footer)) {
            throw new CorruptionException(path, footerOffset, "footer changed since the file was opened");
        }
        if (digest() != footer.fileDigest()) {
            throw new CorruptionException(path, firstDamagedBlock(), "whole-file digest mismatch");
        }
    }

    private int digest() throws IOException {
        CRC32C crc = new CRC32C();
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        for (long pos = 0; pos < footerOffset; ) {
            buf.clear().limit((int) Math.min(CHUNK, footerOffset - pos));
            file.readFully(buf, pos);
            buf.flip();
            pos += buf.remaining();
            crc.update(buf);
        }
        metrics.metaBlockRead(footerOffset);
        return (int) crc.getValue();
    }

    /** Offset of the first block whose own CRC fails; 0 if every block passes (the digest itself is off). */
    private long firstDamagedBlock() throws IOException {
        for (BlockHandle meta : new BlockHandle[] {footer.bloom(), footer.index(), footer.stats()}) {
            if (!intact(meta)) {
                return meta.offset();
            }
        }
        BlockIndex index;
        try {
            index = BlockIndex.decode(blocks.read(footer.index(), "index block"), footer.bloom().offset());
        } catch (IllegalArgumentException e) {
            return footer.index().offset();
        }
        for (int b = 0; b < index.blockCount(); b++) {
            if (!intact(index.handle(b))) {
                return index.offset(b);
            }
        }
        return 0;
    }

    private boolean intact(BlockHandle handle) throws IOException {
        return BlockReader.checksumMatches(blocks.readStored(handle), handle.length());
    }
}
