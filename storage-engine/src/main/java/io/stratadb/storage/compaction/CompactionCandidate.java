package io.stratadb.storage.compaction;

/** What a strategy needs to know about one live SSTable; plain data so strategies test without files. */
public interface CompactionCandidate {

    long id();

    long sizeOnDisk();

    int level();

    byte[] minKey();

    byte[] maxKey();
}
