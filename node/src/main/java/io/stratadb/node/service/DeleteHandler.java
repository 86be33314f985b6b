package io.stratadb.node.service;

import io.stratadb.client.protocol.message.data.DeleteRequest;
import io.stratadb.client.protocol.message.data.DeleteResult;
import io.stratadb.node.coordinator.Coordinator;
import io.stratadb.node.coordinator.TimestampSource;
import io.stratadb.node.coordinator.WriteCommand;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Clock;

import java.util.concurrent.CompletableFuture;

/** DELETE: writes a tombstone; the result reports its timestamp. */
public final class DeleteHandler implements RequestHandler<DeleteRequest> {

    private final Coordinator coordinator;
    private final WriteCells cells;

    public DeleteHandler(Coordinator coordinator, TimestampSource timestamps, Clock clock) {
        this.coordinator = coordinator;
        this.cells = new WriteCells(timestamps, clock, Integer.MAX_VALUE);
    }

    @Override
    public Class<DeleteRequest> requestType() {
        return DeleteRequest.class;
    }

    @Override
    public CompletableFuture<DeleteResult> handle(DeleteRequest r) {
        Cell tombstone = cells.tombstone(r.timestampMicros());
        return coordinator.write(new WriteCommand(r.keyspace(), r.key().unsafeArray(), tombstone, r.consistency()))
                .thenApply(ignored -> new DeleteResult(tombstone.timestamp()));
    }
}
