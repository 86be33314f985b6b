package io.stratadb.storage.sstable;

import io.stratadb.storage.Cell;
import java.io.IOException;

/**
 * A cursor over an SSTable's entries in key order. It is positioned on an entry while
 * {@link #hasNext()} is true; {@link #key()} and {@link #cell()} read that entry (as often as wanted,
 * which suits a merge that peeks at many scanners) and {@link #next()} moves past it:
 *
 * <pre>{@code
 * try (SSTableScanner s = reader.scanner(null, false)) {
 *     while (s.hasNext()) {
 *         use(s.key(), s.cell());
 *         s.next();
 *     }
 * }
 * }</pre>
 *
 * A scanner holds a reference on its reader until closed, so the file outlives it. Not thread-safe.
 */
public interface SSTableScanner extends AutoCloseable {

    /** True while positioned on an entry, false once past the last one. */
    boolean hasNext();

    /** The current entry's key: a new array per entry, which the caller may keep. */
    byte[] key();

    /** The current entry's cell. */
    Cell cell();

    /**
     * Moves to the following entry, reading the next block if needed.
     *
     * @throws io.stratadb.storage.CorruptionException if that block fails its checks; the scanner is
     *     then exhausted
     */
    void next() throws IOException;

    /** Stored bytes (payload and trailer) of every block this scanner has read, for throttling. */
    long bytesRead();

    /** Releases the scanner's reference on its reader. */
    @Override
    void close();
}
