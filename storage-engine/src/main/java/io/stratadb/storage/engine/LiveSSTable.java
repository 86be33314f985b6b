package io.stratadb.storage.engine;

import io.stratadb.storage.compaction.CompactionCandidate;
import io.stratadb.storage.sstable.SSTableReader;

/** A live SSTable as compaction strategies see it. */
record LiveSSTable(SSTableReader reader, int level) implements CompactionCandidate {

    @Override
    public long id() {
        return reader.id();
    }

    @Override
    public long sizeOnDisk() {
        return reader.sizeOnDisk();
    }

    @Override
    public byte[] minKey() {
        return reader.stats().minKey();
    }

    @Override
    public byte[] maxKey() {
        return reader.stats().maxKey();
    }
}
