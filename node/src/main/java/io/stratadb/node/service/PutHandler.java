package io.stratadb.node.service;

import io.stratadb.client.protocol.message.data.PutRequest;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.node.coordinator.Coordinator;
import io.stratadb.node.coordinator.TimestampSource;
import io.stratadb.node.coordinator.WriteCommand;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Clock;

import java.util.concurrent.CompletableFuture;

/**
 * PUT: a value, optionally with a TTL, stamped with the client's timestamp or one from this node's
 * {@link TimestampSource}; the result reports the timestamp applied.
 */
public final class PutHandler implements RequestHandler<PutRequest> {

    private final Coordinator coordinator;
    private final WriteCells cells;

    public PutHandler(Coordinator coordinator, TimestampSource timestamps, Clock clock, int maxValueBytes) {
        this.coordinator = coordinator;
        this.cells = new WriteCells(timestamps, clock, maxValueBytes);
    }

    @Override
    public Class<PutRequest> requestType() {
        return PutRequest.class;
    }

    @Override
    public CompletableFuture<PutResult> handle(PutRequest r) {
        Cell cell = cells.value(r.value().unsafeArray(), r.ttlSeconds(), r.timestampMicros());
        return coordinator.write(new WriteCommand(r.keyspace(), r.key().unsafeArray(), cell, r.consistency()))
                .thenApply(ignored -> new PutResult(cell.timestamp()));
    }
}
