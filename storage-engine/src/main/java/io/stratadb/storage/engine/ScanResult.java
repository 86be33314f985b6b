package io.stratadb.storage.engine;

import java.util.List;

/**
 * One page of a scan. {@code nextPageKey} is the key to pass as the exclusive start of the next page,
 * or null when the table has no more entries after this page.
 */
public record ScanResult(List<KeyCell> entries, byte[] nextPageKey) {

    public boolean hasMore() {
        return nextPageKey != null;
    }
}
