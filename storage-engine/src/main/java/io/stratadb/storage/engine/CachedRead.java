package io.stratadb.storage.engine;

import io.stratadb.storage.Cell;

/**
 * The answer of {@link StorageEngine#getCellIfCached}: either the reconciled cell (null when the key
 * has none), found without reading any file, or {@link #notCached()} when some SSTable that may hold the
 * key needs its index or a data block read from disk first.
 */
public final class CachedRead {

    private static final CachedRead NOT_CACHED = new CachedRead(false, null);
    private static final CachedRead ABSENT = new CachedRead(true, null);

    private final boolean complete;
    private final Cell cell;

    private CachedRead(boolean complete, Cell cell) {
        this.complete = complete;
        this.cell = cell;
    }

    static CachedRead of(Cell cell) {
        return cell == null ? ABSENT : new CachedRead(true, cell);
    }

    static CachedRead notCached() {
        return NOT_CACHED;
    }

    /** True if {@link #cell()} is the answer; false if answering needs disk I/O. */
    public boolean isComplete() {
        return complete;
    }

    /** The newest cell, tombstones and expired values included; null if none. Only if {@link #isComplete()}. */
    public Cell cell() {
        if (!complete) {
            throw new IllegalStateException("not answered from memory: read the key with getCell");
        }
        return cell;
    }

    @Override
    public String toString() {
        return complete ? "CachedRead{" + cell + "}" : "CachedRead{not cached}";
    }
}
