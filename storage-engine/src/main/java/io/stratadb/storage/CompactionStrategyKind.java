package io.stratadb.storage;

/** How a table picks SSTables to merge. */
public enum CompactionStrategyKind {
    /** Merge runs of similarly sized files (good for writes; Cassandra's STCS). */
    SIZE_TIERED,
    /** Keep levels of non-overlapping files, each ten times the one above (good for reads; LevelDB's). */
    LEVELED
}
