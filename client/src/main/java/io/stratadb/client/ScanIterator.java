package io.stratadb.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Walks every row of a scan, fetching the next page only when the current one is used up. */
final class ScanIterator implements Iterator<KeyValue> {
    private final Function<PagingState, ScanPage> fetch;
    private Iterator<KeyValue> rows;
    private PagingState next;
    private boolean lastPageFetched;

    /** @param fetch reads the page starting at the given state ({@code null}: the first page) */
    ScanIterator(Function<PagingState, ScanPage> fetch) {
        this.fetch = fetch;
    }

    @Override
    public boolean hasNext() {
        // Loop: a page may be empty and still not be the last.
        while (rows == null || !rows.hasNext()) {
            if (lastPageFetched) {
                return false;
            }
            ScanPage page = fetch.apply(next);
            rows = page.rows().iterator();
            next = page.pagingState();
            lastPageFetched = next == null;
        }
        return true;
    }

    @Override
    public KeyValue next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return rows.next();
    }
}
