package io.stratadb.storage.sstable;

/**
 * Builds the block index: for every data block, in file order, its last key and its handle. The
 * full last key (not a shortened separator) is kept so the index also proves each block's key range.
 */
final class IndexBlockBuilder {

    private final ByteArrayBuilder entries = new ByteArrayBuilder(4096);
    private int count;

    void add(byte[] lastKey, BlockHandle handle) {
        entries.writeVarInt(lastKey.length);
        entries.writeBytes(lastKey);
        entries.writeVarInt(handle.offset());
        entries.writeVarInt(handle.length());
        count++;
    }

    int count() {
        return count;
    }

    /** Block contents: varint count, then the entries. */
    byte[] encode() {
        ByteArrayBuilder out = new ByteArrayBuilder(entries.size() + VarInt.MAX_LONG_BYTES);
        out.writeVarInt(count);
        out.writeBytes(entries.array(), 0, entries.size());
        return out.toByteArray();
    }
}
