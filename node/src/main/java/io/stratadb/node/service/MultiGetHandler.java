package io.stratadb.node.service;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.message.data.KeyedValue;
import io.stratadb.client.protocol.message.data.MultiGetRequest;
import io.stratadb.client.protocol.message.data.MultiGetResult;
import io.stratadb.client.protocol.message.data.ValueResult;
import io.stratadb.node.coordinator.Coordinator;
import io.stratadb.node.coordinator.ReadCommand;
import io.stratadb.node.errors.RequestException;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Clock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * MULTI_GET: one coordinator read per key, all in flight at once (each key may live on different
 * replicas), answered in request order. A result that would not fit in one frame is refused as
 * INVALID_REQUEST (a read has no effect, so the client can ask for fewer keys).
 */
public final class MultiGetHandler implements RequestHandler<MultiGetRequest> {

    private final Coordinator coordinator;
    private final Clock clock;
    private final int maxResponseBytes;

    public MultiGetHandler(Coordinator coordinator, Clock clock, int maxResponseBytes) {
        this.coordinator = coordinator;
        this.clock = clock;
        this.maxResponseBytes = maxResponseBytes;
    }

    @Override
    public Class<MultiGetRequest> requestType() {
        return MultiGetRequest.class;
    }

    @Override
    public CompletableFuture<MultiGetResult> handle(MultiGetRequest r) {
        List<CompletableFuture<Cell>> reads = new ArrayList<>(r.keys().size());
        for (Bytes key : r.keys()) {
            reads.add(coordinator.read(new ReadCommand(r.keyspace(), key.unsafeArray(), r.consistency())));
        }
        return CompletableFuture.allOf(reads.toArray(new CompletableFuture<?>[0])).thenApply(ignored -> {
            long now = clock.currentTimeSeconds();
            List<KeyedValue> results = new ArrayList<>(reads.size());
            long bytes = 4;
            for (int i = 0; i < reads.size(); i++) {
                ValueResult v = ValueResults.of(reads.get(i).join(), now);
                bytes += 2 + r.keys().get(i).length() + 1 + 4 + v.value().length() + 8;
                if (bytes > maxResponseBytes) {
                    throw RequestException.invalid("the values of these " + r.keys().size() + " keys exceed the "
                            + "maximum frame size of " + maxResponseBytes + " bytes; ask for fewer keys at once");
                }
                results.add(new KeyedValue(r.keys().get(i), v));
            }
            return new MultiGetResult(results);
        });
    }
}
