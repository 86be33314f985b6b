package io.stratadb.node.service;

import io.stratadb.client.protocol.message.data.GetRequest;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.node.coordinator.Coordinator;
import io.stratadb.node.coordinator.ReadCommand;
import io.stratadb.storage.Clock;

import java.util.concurrent.CompletableFuture;

/** GET: one key through the coordinator. */
public final class GetHandler implements RequestHandler<GetRequest> {

    private final Coordinator coordinator;
    private final Clock clock;

    public GetHandler(Coordinator coordinator, Clock clock) {
        this.coordinator = coordinator;
        this.clock = clock;
    }

    @Override
    public Class<GetRequest> requestType() {
        return GetRequest.class;
    }

    @Override
    public CompletableFuture<GetResult> handle(GetRequest r) {
        return coordinator.read(new ReadCommand(r.keyspace(), r.key().unsafeArray(), r.consistency()))
                .thenApply(cell -> new GetResult(ValueResults.of(cell, clock.currentTimeSeconds())));
    }
}
