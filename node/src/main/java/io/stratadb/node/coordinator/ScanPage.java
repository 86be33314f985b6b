package io.stratadb.node.coordinator;

import io.stratadb.storage.Cell;

import java.util.List;

/**
 * A page of live rows in ring order, and the user key to continue after ({@code null}: the scan is
 * complete).
 */
public record ScanPage(List<Row> rows, byte[] nextStartAfter) {

    public ScanPage {
        rows = List.copyOf(rows);
    }

    /** A user key and its live cell. */
    public record Row(byte[] key, Cell cell) {
    }
}
