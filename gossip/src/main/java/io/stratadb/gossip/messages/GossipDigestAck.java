package io.stratadb.gossip.messages;

import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reply to a SYN: the states the replier is newer on (and endpoints the initiator did not list), plus
 * requests (as digests) for what the initiator is newer on. The initiator answers the requests with
 * a {@link GossipDigestAck2}.
 *
 * @param requests per endpoint, the generation and version above which the replier wants state
 * @param states deltas the initiator is missing
 */
public record GossipDigestAck(String clusterName, List<GossipDigest> requests, Map<Endpoint, EndpointState> states)
        implements GossipMessage {

    public GossipDigestAck {
        Objects.requireNonNull(clusterName, "clusterName");
        requests = List.copyOf(requests);
        states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    }
}
