package io.stratadb.node.coordinator;

import io.stratadb.client.ring.NodeInfo;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.cluster.ClusterState;
import io.stratadb.node.messaging.Message;
import io.stratadb.node.messaging.MessagingService;
import io.stratadb.node.messaging.Response;
import io.stratadb.node.messaging.Verb;
import io.stratadb.node.messaging.payload.MutationPayload;
import io.stratadb.node.messaging.payload.RangeReadPayload;
import io.stratadb.node.messaging.payload.RangeReadResponsePayload;
import io.stratadb.node.messaging.payload.ReadPayload;
import io.stratadb.node.messaging.payload.ReadResponsePayload;
import io.stratadb.node.time.HybridLogicalClock;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.engine.ScanResult;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Reaches any replica: this node's storage directly, the others with a request over internode messaging
 * (MUTATION, READ, RANGE_READ). Each request carries its own timeout, the coordinator's for the
 * operation, so a lost message never pins a pending entry. Cells read from peers feed the hybrid logical
 * clock, so this node never stamps a new write below a value it has served.
 */
public final class MessagingReplicaAccess implements ReplicaAccess {

    private final ClusterState cluster;
    private final LocalReplicaAccess local;
    private final MessagingService messaging;
    private final HybridLogicalClock clock;
    private final Duration readTimeout;
    private final Duration writeTimeout;

    public MessagingReplicaAccess(ClusterState cluster, LocalReplicaAccess local, MessagingService messaging,
                                  HybridLogicalClock clock, Duration readTimeout, Duration writeTimeout) {
        this.cluster = cluster;
        this.local = local;
        this.messaging = messaging;
        this.clock = clock;
        this.readTimeout = readTimeout;
        this.writeTimeout = writeTimeout;
    }

    @Override
    public CompletableFuture<Void> apply(NodeInfo replica, Mutation m) {
        if (local.isLocal(replica)) {
            return local.apply(m);
        }
        return request(replica, Message.of(Verb.MUTATION, new MutationPayload(m.table(), m.key(), m.cell())),
                writeTimeout).thenApply(r -> null);
    }

    @Override
    public CompletableFuture<Cell> read(NodeInfo replica, String table, byte[] storageKey) {
        if (local.isLocal(replica)) {
            return local.read(table, storageKey);
        }
        return request(replica, Message.of(Verb.READ, new ReadPayload(table, storageKey, false)), readTimeout)
                .thenApply(r -> {
                    Cell cell = r.message().payload(ReadResponsePayload.class).cell();
                    if (cell != null) {
                        clock.observe(cell.timestamp());
                    }
                    return cell;
                });
    }

    @Override
    public CompletableFuture<byte[]> digest(NodeInfo replica, String table, byte[] storageKey) {
        if (local.isLocal(replica)) {
            return local.read(table, storageKey).thenApply(CellDigest::of);
        }
        return request(replica, Message.of(Verb.READ, new ReadPayload(table, storageKey, true)), readTimeout)
                .thenApply(r -> {
                    byte[] digest = r.message().payload(ReadResponsePayload.class).digest();
                    if (digest == null) {
                        throw new IllegalStateException(replica + " answered a digest read with a cell");
                    }
                    return digest;
                });
    }

    @Override
    public CompletableFuture<ScanResult> scan(NodeInfo replica, String table, byte[] startExclusive,
                                              byte[] endExclusive, int limit) {
        if (local.isLocal(replica)) {
            return local.scan(table, startExclusive, endExclusive, limit);
        }
        return request(replica, Message.of(Verb.RANGE_READ,
                new RangeReadPayload(table, startExclusive, endExclusive, limit)), readTimeout)
                .thenApply(r -> {
                    RangeReadResponsePayload p = r.message().payload(RangeReadResponsePayload.class);
                    return new ScanResult(p.entries(), p.nextPageKey());
                });
    }

    private CompletableFuture<Response> request(NodeInfo replica, Message message, Duration timeout) {
        Endpoint to = cluster.view().internode(replica);
        if (to == null) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "no internode address known for " + replica));
        }
        return messaging.request(to, message, timeout);
    }
}
