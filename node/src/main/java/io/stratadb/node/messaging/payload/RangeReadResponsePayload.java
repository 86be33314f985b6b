package io.stratadb.node.messaging.payload;

import io.stratadb.storage.engine.KeyCell;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A replica's page of entries, the remote form of {@code ScanResult}: {@code nextPageKey} is null when
 * the table has nothing after this page.
 */
public record RangeReadResponsePayload(List<KeyCell> entries, byte[] nextPageKey) {

    public RangeReadResponsePayload {
        entries = List.copyOf(entries);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RangeReadResponsePayload other) || entries.size() != other.entries.size()
                || !Arrays.equals(nextPageKey, other.nextPageKey)) {
            return false;
        }
        // KeyCell holds a byte[] key, so its record equality compares references; compare by content.
        for (int i = 0; i < entries.size(); i++) {
            KeyCell a = entries.get(i);
            KeyCell b = other.entries.get(i);
            if (!Arrays.equals(a.key(), b.key()) || !a.cell().equals(b.cell())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(entries.size(), Arrays.hashCode(nextPageKey));
    }

    @Override
    public String toString() {
        return "RangeReadResponse[" + entries.size() + " entries" + (nextPageKey == null ? ", last page" : "") + "]";
    }
}
