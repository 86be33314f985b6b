package io.stratadb.storage.manifest;

/** One live SSTable as the manifest records it: its generation (unique in the engine) and compaction level. */
public record SSTableEntry(long generation, int level) {

    public SSTableEntry {
        if (generation < 0 || level < 0 || level > 255) {
            throw new IllegalArgumentException("bad sstable entry gen=" + generation + " level=" + level);
        }
    }
}
