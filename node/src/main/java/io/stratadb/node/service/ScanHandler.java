package io.stratadb.node.service;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.message.data.Row;
import io.stratadb.client.protocol.message.data.ScanRequest;
import io.stratadb.client.protocol.message.data.ScanResult;
import io.stratadb.node.coordinator.Coordinator;
import io.stratadb.node.coordinator.ScanCommand;
import io.stratadb.node.coordinator.ScanPage;
import io.stratadb.node.errors.RequestException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * SCAN: one page of live rows in ring order (token, then key bytes). The page is cut short, with a next
 * paging key, at {@code max_scan_page_rows} rows and before its encoding would pass the frame limit, which
 * the protocol allows ("a page may hold fewer rows than the limit"). The paging key is opaque to clients;
 * it happens to be the last row's key, from which the node recomputes the position.
 */
public final class ScanHandler implements RequestHandler<ScanRequest> {

    private final Coordinator coordinator;
    private final int maxRows;
    private final int maxResponseBytes;

    public ScanHandler(Coordinator coordinator, int maxRows, int maxResponseBytes) {
        this.coordinator = coordinator;
        this.maxRows = maxRows;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public Class<ScanRequest> requestType() {
        return ScanRequest.class;
    }

    @Override
    public CompletableFuture<ScanResult> handle(ScanRequest r) {
        if (r.limit() < 1) {
            throw RequestException.invalid("scan limit must be at least 1, got " + r.limit());
        }
        byte[] start = r.pagingKey().map(Bytes::unsafeArray).orElse(null);
        ScanCommand command = new ScanCommand(r.keyspace(), start, Math.min(r.limit(), maxRows), r.consistency());
        return coordinator.scan(command).thenApply(this::toResult);
    }

    private ScanResult toResult(ScanPage page) {
        List<Row> rows = new ArrayList<>(page.rows().size());
        long bytes = 4 + 1 + 2 + 65536;
        for (ScanPage.Row row : page.rows()) {
            bytes += 2 + row.key().length + 4 + row.cell().value().length + 8;
            if (bytes > maxResponseBytes && !rows.isEmpty()) {
                return new ScanResult(rows, Optional.of(rows.get(rows.size() - 1).key()));
            }
            rows.add(new Row(Bytes.wrap(row.key()), Bytes.wrap(row.cell().value()), row.cell().timestamp()));
        }
        return new ScanResult(rows, Optional.ofNullable(page.nextStartAfter()).map(Bytes::wrap));
    }
}
