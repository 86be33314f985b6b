package io.stratadb.client.routing;

import io.stratadb.client.protocol.Bytes;

/**
 * What a {@link LoadBalancingPolicy} may know about a request to choose its nodes: its keyspace, the key it
 * reads or writes, and whether it runs a Paxos round. Keyspace and key may be {@code null}: schema and
 * topology requests have neither, and multi-key requests (MULTI_GET, SCAN) have no single routing key.
 *
 * @param serial true for a serial write (PUT_IF_ABSENT, CAS, DELETE_IF, SERIAL_PUT) or a read at SERIAL /
 *               LOCAL_SERIAL: concurrent Paxos rounds on one key from different coordinators compete for
 *               ballots, so such requests should all go to the same coordinator rather than be spread
 */
public record RoutingInfo(String keyspace, Bytes routingKey, boolean serial) {
    private static final RoutingInfo NONE = new RoutingInfo(null, null, false);

    /** An ordinary keyed request. */
    public RoutingInfo(String keyspace, Bytes routingKey) {
        this(keyspace, routingKey, false);
    }

    /** For requests that any node can serve equally well. */
    public static RoutingInfo none() {
        return NONE;
    }

    /** A keyed request that runs a Paxos round; see {@link #serial()}. */
    public static RoutingInfo serial(String keyspace, Bytes routingKey) {
        return new RoutingInfo(keyspace, routingKey, true);
    }
}
