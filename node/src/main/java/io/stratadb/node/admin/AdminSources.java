package io.stratadb.node.admin;

import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import io.stratadb.node.cluster.ClusterState;
import io.stratadb.node.schema.Schema;
import io.stratadb.storage.Clock;
import io.stratadb.storage.engine.StorageEngine;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Where {@link NodeAdmin} reads its answers from. Suppliers rather than values because the answers must
 * be current at each request; functions rather than the gossiper and hint store themselves so that admin
 * depends on neither, and a test can hand in plain maps.
 *
 * @param cluster          the ring and each node's state as this node sees it
 * @param storage          this node's storage engine (its load, flush, compaction)
 * @param schema           the current schema
 * @param gossipStates     every endpoint's gossip state, this node's included; empty when not gossiping
 * @param phi              the failure detector's phi for an endpoint (0 when it has no opinion)
 * @param pendingHints     hints waiting on this node, by target host id
 * @param localHostId      this node's host id
 * @param startedAtMicros  when this node started, in {@code clock}'s wall-clock microseconds
 * @param clock            the node's clock (uptime, durations)
 */
public record AdminSources(ClusterState cluster, StorageEngine storage, Supplier<Schema> schema,
                           Supplier<Map<Endpoint, EndpointState>> gossipStates, ToDoubleFunction<Endpoint> phi,
                           Supplier<Map<String, Long>> pendingHints, String localHostId, long startedAtMicros,
                           Clock clock) {

    public AdminSources {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(gossipStates, "gossipStates");
        Objects.requireNonNull(phi, "phi");
        Objects.requireNonNull(pendingHints, "pendingHints");
        Objects.requireNonNull(localHostId, "localHostId");
        Objects.requireNonNull(clock, "clock");
    }

    /** Sources of a node that neither gossips nor stores hints: a node alone in its ring. */
    public static AdminSources alone(ClusterState cluster, StorageEngine storage, Supplier<Schema> schema,
                                     String localHostId, long startedAtMicros, Clock clock) {
        return new AdminSources(cluster, storage, schema, Map::of, endpoint -> 0.0, Map::of, localHostId,
                startedAtMicros, clock);
    }
}
