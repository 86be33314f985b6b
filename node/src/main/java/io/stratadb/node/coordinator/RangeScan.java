package io.stratadb.node.coordinator;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.message.error.TimeoutKind;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.TokenRing;
import io.stratadb.node.cluster.ClusterView;
import io.stratadb.node.concurrent.RequestTimer;
import io.stratadb.node.errors.RequestException;
import io.stratadb.node.schema.KeyspaceMetadata;
import io.stratadb.storage.Cell;
import io.stratadb.storage.engine.KeyCell;
import io.stratadb.storage.engine.ScanResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * One page of a cluster-wide scan. Storage keys sort by token, so the ring read from token MIN to MAX is
 * a run of segments, each the part of one token range that lies in that order (the range that wraps
 * around MAX is two segments, the first and the last). The scan walks them in order, asking each
 * segment's replicas (as many as the consistency level needs) for the rows after the current position
 * and before the segment's end, and merges their pages: newest cell per key, tombstones hidden only
 * after merging so a replica's deletion is not undone by another's older value. A replica that returned
 * a full page may hold more rows than it sent, so rows from the others are taken only up to the lowest
 * such page end, and the walk goes on from there.
 */
final class RangeScan {

    private final ClusterView view;
    private final KeyspaceMetadata keyspace;
    private final ConsistencyLevel consistency;
    private final int limit;
    private final ReplicaAccess replicas;
    private final RequestTimer timer;
    private final long timeoutMillis;
    private final long nowSeconds;
    private final List<ScanPage.Row> rows = new ArrayList<>();
    private final CompletableFuture<ScanPage> result = new CompletableFuture<>();
    /** Exclusive start of the next replica read; null: the start of the ring. */
    private byte[] position;

    RangeScan(ClusterView view, KeyspaceMetadata keyspace, ConsistencyLevel consistency, int limit,
              ReplicaAccess replicas, RequestTimer timer, long timeoutMillis, long nowSeconds) {
        this.view = view;
        this.keyspace = keyspace;
        this.consistency = consistency;
        this.limit = limit;
        this.replicas = replicas;
        this.timer = timer;
        this.timeoutMillis = timeoutMillis;
        this.nowSeconds = nowSeconds;
    }

    CompletableFuture<ScanPage> run(byte[] startAfterUserKey) {
        if (startAfterUserKey != null) {
            StorageKeys.checkUserKey(startAfterUserKey);
            position = StorageKeys.of(new io.stratadb.client.ring.Murmur3Partitioner().tokenValue(startAfterUserKey),
                    startAfterUserKey);
        }
        step();
        return result;
    }

    private void step() {
        TokenRing ring = view.ring();
        long token = position == null ? Long.MIN_VALUE : StorageKeys.token(position);
        int index = ring.rangeIndexOf(token);
        boolean lastSegment = token > ring.tokenAt(ring.size() - 1);
        long upper = lastSegment ? Long.MAX_VALUE : ring.tokenAt(index);
        byte[] end = upper == Long.MAX_VALUE ? null : StorageKeys.tokenBound(upper + 1);
        ReplicaPlan plan;
        try {
            plan = ReplicaPlanner.forRead(view, keyspace, token, consistency);
        } catch (RuntimeException e) {
            result.completeExceptionally(e);
            return;
        }
        ResponseCollector<ScanResult> pages = new ResponseCollector<>(plan.contacts().size(), plan.contacts().size(),
                timer, timeoutMillis, received -> RequestException.timeout(consistency, TimeoutKind.READ, received,
                plan.blockFor()));
        int want = Math.max(1, limit - rows.size());
        for (NodeInfo replica : plan.contacts()) {
            replicas.scan(replica, keyspace.table(), position, end, want).whenComplete(pages::accept);
        }
        pages.result().whenComplete((got, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            try {
                merge(got, upper);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
    }

    private void merge(List<ScanResult> pages, long upper) {
        byte[] cutoff = null;
        for (ScanResult page : pages) {
            byte[] next = page.nextPageKey();
            if (next != null && (cutoff == null || Arrays.compareUnsigned(next, cutoff) < 0)) {
                cutoff = next;
            }
        }
        TreeMap<byte[], Cell> merged = new TreeMap<>(Arrays::compareUnsigned);
        for (ScanResult page : pages) {
            for (KeyCell kc : page.entries()) {
                if (cutoff == null || Arrays.compareUnsigned(kc.key(), cutoff) <= 0) {
                    merged.merge(kc.key(), kc.cell(), Cell::reconcile);
                }
            }
        }
        for (Map.Entry<byte[], Cell> e : merged.entrySet()) {
            if (e.getValue().isLive(nowSeconds)) {
                rows.add(new ScanPage.Row(StorageKeys.userKey(e.getKey()), e.getValue()));
            }
        }
        if (rows.size() >= limit) {
            List<ScanPage.Row> page = rows.subList(0, limit);
            result.complete(new ScanPage(page, page.get(limit - 1).key()));
            return;
        }
        if (cutoff != null) {
            position = cutoff;
        } else if (upper == Long.MAX_VALUE) {
            result.complete(new ScanPage(rows, null));
            return;
        } else {
            position = StorageKeys.tokenBound(upper + 1);
        }
        step();
    }
}
