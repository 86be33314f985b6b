package io.stratadb.node.service;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.message.data.ValueResult;
import io.stratadb.storage.Cell;

/** What a read tells the client about a key's newest version at a given moment. */
final class ValueResults {

    private ValueResults() {
    }

    /** Absent if there is no version or it is a tombstone or an expired value. */
    static ValueResult of(Cell cell, long nowSeconds) {
        if (cell == null || !cell.isLive(nowSeconds)) {
            return ValueResult.absent();
        }
        return ValueResult.of(Bytes.wrap(cell.value()), cell.timestamp());
    }
}
