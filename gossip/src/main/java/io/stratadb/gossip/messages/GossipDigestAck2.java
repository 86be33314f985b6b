package io.stratadb.gossip.messages;

import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Last message of a round: the states the ACK asked for. It needs no reply, which is also why a
 * node announcing its shutdown pushes its state to peers as an ACK2.
 */
public record GossipDigestAck2(String clusterName, Map<Endpoint, EndpointState> states) implements GossipMessage {

    public GossipDigestAck2 {
        Objects.requireNonNull(clusterName, "clusterName");
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }
}
