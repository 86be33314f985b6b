package io.stratadb.storage.engine;

import io.stratadb.storage.Cell;

/** A key and its reconciled cell, as a scan returns them. */
public record KeyCell(byte[] key, Cell cell) {
}
