package io.stratadb.storage.sstable;

import io.stratadb.storage.Cell;
import java.io.IOException;
import java.util.NoSuchElementException;

/**
 * The {@link SSTableScanner} of one file: walks the block index, holding one decoded block at a
 * time, and decodes an entry's key and cell only when asked.
 */
final class TableScanner implements SSTableScanner {

    private final SSTableReader reader;
    private final BlockIndex index;
    private final boolean useCache;
    private int blockNo;
    private byte[] block; // null once exhausted
    private int count;
    private int pos;
    private byte[] key;
    private Cell cell;
    private long bytesRead;
    private boolean closed;

    /** Takes over one reference on {@code reader}, released by {@link #close}. */
    TableScanner(SSTableReader reader, BlockIndex index, byte[] fromInclusive, boolean useCache) throws IOException {
        this.reader = reader;
        this.index = index;
        this.useCache = useCache;
        blockNo = fromInclusive == null ? 0 : index.findBlock(fromInclusive);
        if (blockNo < 0 || blockNo >= index.blockCount()) {
            return;
        }
        load(blockNo);
        if (fromInclusive != null) {
            pos = DataBlockReader.lowerBound(block, fromInclusive);
            if (pos == count) { // cannot happen with full last keys in the index, but cheap to be safe
                nextBlock();
            }
        }
    }

    @Override
    public boolean hasNext() {
        return block != null;
    }

    @Override
    public byte[] key() {
        requireEntry();
        if (key == null) {
            key = DataBlockReader.key(block, count, pos);
        }
        return key;
    }

    @Override
    public Cell cell() {
        requireEntry();
        if (cell == null) {
            cell = DataBlockReader.cell(block, count, pos);
        }
        return cell;
    }

    @Override
    public void next() throws IOException {
        requireEntry();
        key = null;
        cell = null;
        if (++pos == count) {
            nextBlock();
        }
    }

    @Override
    public long bytesRead() {
        return bytesRead;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            block = null;
            reader.release();
        }
    }

    private void nextBlock() throws IOException {
        block = null;
        if (++blockNo < index.blockCount()) {
            load(blockNo);
        }
    }

    private void load(int b) throws IOException {
        block = null; // stays exhausted if the read throws
        byte[] loaded = reader.dataBlock(index, b, useCache);
        bytesRead += index.length(b) + SSTableFormat.BLOCK_TRAILER_SIZE;
        block = loaded;
        count = DataBlockReader.entryCount(loaded);
        pos = 0;
    }

    private void requireEntry() {
        if (closed) {
            throw new IllegalStateException("scanner of " + reader.path() + " is closed");
        }
        if (block == null) {
            throw new NoSuchElementException("scanner of " + reader.path() + " is past its last entry");
        }
    }
}
