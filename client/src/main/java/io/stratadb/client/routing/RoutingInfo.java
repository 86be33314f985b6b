package io.stratadb.client.routing;

import io.stratadb.client.protocol.Bytes;

/**
 * What a {@link LoadBalancingPolicy} may know about a request to choose its nodes: its keyspace and the
 * key it reads or writes. Either may be {@code null}: schema and topology requests have neither, and
 * multi-key requests (MULTI_GET, SCAN) have no single routing key.
 */
public record RoutingInfo(String keyspace, Bytes routingKey) {
    private static final RoutingInfo NONE = new RoutingInfo(null, null);

    /** For requests that any node can serve equally well. */
    public static RoutingInfo none() {
        return NONE;
    }
}
