package io.stratadb.node.coordinator;

import io.stratadb.storage.engine.KeyCell;
import io.stratadb.storage.engine.ScanResult;
import io.stratadb.storage.engine.StorageEngine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A page of one table between two storage keys, tombstones and expired cells included: the coordinator
 * reconciles pages from several replicas, and a replica that hid its tombstone would let another's older
 * value come back. The engine scans from a key without an end, so the end bound is applied here: entries
 * at or past it are dropped and the page is the last one of the range.
 */
public final class BoundedScan {

    private BoundedScan() {
    }

    public static ScanResult scan(StorageEngine engine, String table, byte[] startExclusive, byte[] endExclusive,
                                  int limit) {
        ScanResult page = engine.scan(table, startExclusive, limit, true);
        if (endExclusive == null) {
            return page;
        }
        List<KeyCell> kept = new ArrayList<>(page.entries().size());
        for (KeyCell kc : page.entries()) {
            if (Arrays.compareUnsigned(kc.key(), endExclusive) >= 0) {
                return new ScanResult(kept, null);
            }
            kept.add(kc);
        }
        return new ScanResult(kept, page.nextPageKey());
    }
}
