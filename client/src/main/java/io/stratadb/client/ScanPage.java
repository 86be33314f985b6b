package io.stratadb.client;

import java.util.List;

/**
 * One page of a scan: live rows in ring order (token, then key bytes), and where the next page starts. A
 * page may hold fewer rows than asked for, even none, and still not be the last: only {@link
 * #hasMorePages()} says whether the scan is complete.
 */
public final class ScanPage {
    private final List<KeyValue> rows;
    private final PagingState pagingState;

    ScanPage(List<KeyValue> rows, PagingState pagingState) {
        this.rows = List.copyOf(rows);
        this.pagingState = pagingState;
    }

    /** The page's rows, in ring order. */
    public List<KeyValue> rows() {
        return rows;
    }

    /** Where the next page starts, or {@code null} if this was the last page. */
    public PagingState pagingState() {
        return pagingState;
    }

    /** False on the last page. */
    public boolean hasMorePages() {
        return pagingState != null;
    }

    @Override
    public String toString() {
        return "ScanPage[" + rows.size() + " rows" + (pagingState == null ? ", last" : ", next " + pagingState) + "]";
    }
}
