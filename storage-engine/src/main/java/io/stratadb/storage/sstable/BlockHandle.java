package io.stratadb.storage.sstable;

/**
 * Where a stored block lives: {@code offset} of its first byte and {@code length} of its payload. The
 * {@link SSTableFormat#BLOCK_TRAILER_SIZE}-byte trailer follows the payload and is not counted.
 */
record BlockHandle(long offset, int length) {

    /** Offset of the first byte after the block's trailer. */
    long end() {
        return offset + length + SSTableFormat.BLOCK_TRAILER_SIZE;
    }
}
