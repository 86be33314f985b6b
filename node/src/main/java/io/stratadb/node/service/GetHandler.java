package io.stratadb.node.service;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.message.data.ValueResult;
import io.stratadb.node.paxos.PaxosCoordinator;
import io.stratadb.node.paxos.PaxosOperation;
import io.stratadb.node.paxos.PaxosOutcome;
import io.stratadb.client.protocol.message.data.GetRequest;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.node.coordinator.Coordinator;
import io.stratadb.node.coordinator.ReadCommand;
import io.stratadb.storage.Clock;

import java.util.concurrent.CompletableFuture;

/** GET: one key through the coordinator, or through Paxos at a serial level. */
public final class GetHandler implements RequestHandler<GetRequest> {

    private final Coordinator coordinator;
    private final PaxosCoordinator paxos;
    private final Clock clock;

    public GetHandler(Coordinator coordinator, PaxosCoordinator paxos, Clock clock) {
        this.coordinator = coordinator;
        this.paxos = paxos;
        this.clock = clock;
    }

    /**
     * A GET at SERIAL or LOCAL_SERIAL is a Paxos read: linearizable with every serial write. A proposal it
     * finds in progress is completed first and committed at QUORUM (LOCAL_QUORUM for LOCAL_SERIAL).
     */
    private CompletableFuture<GetResult> serialRead(GetRequest r) {
        ConsistencyLevel commit = r.consistency() == ConsistencyLevel.LOCAL_SERIAL
                ? ConsistencyLevel.LOCAL_QUORUM : ConsistencyLevel.QUORUM;
        return paxos.execute(r.keyspace(), r.key().toArray(), r.consistency(), commit, PaxosOperation::serialRead)
                .thenApply(outcome -> {
                    byte[] v = ((PaxosOutcome.Read) outcome).value();
                    return new GetResult(v == null ? ValueResult.absent() : ValueResult.of(Bytes.wrap(v), 0));
                });
    }

    @Override
    public Class<GetRequest> requestType() {
        return GetRequest.class;
    }

    @Override
    public CompletableFuture<GetResult> handle(GetRequest r) {
        if (r.consistency().isSerial()) {
            return serialRead(r);
        }
        return coordinator.read(new ReadCommand(r.keyspace(), r.key().unsafeArray(), r.consistency()))
                .thenApply(cell -> new GetResult(ValueResults.of(cell, clock.currentTimeSeconds())));
    }
}
