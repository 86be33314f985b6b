package io.stratadb.storage.merge;

/**
 * A cursor over (key, cell) entries in ascending unsigned key order. Cursor style (advance, then
 * read) so sources need not allocate an entry object per step.
 */
public interface CellIterator extends AutoCloseable {

    /** Moves to the next entry; false when there is none (then key() and cell() are undefined). */
    boolean advance();

    /**
     * The current key. The array stays valid after advance() (sources hand out a fresh array per
     * entry) so a merge can hold it; callers must not modify it.
     */
    byte[] key();

    /** The current cell; valid until the next advance(). */
    io.stratadb.storage.Cell cell();

    /** Releases files or references held; never throws. */
    @Override
    void close();
}
