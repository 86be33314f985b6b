package io.stratadb.gossip.messages;

import java.util.List;
import java.util.Objects;

/**
 * First message of a round: the initiator's digest of every endpoint it knows, itself included. The
 * receiver compares it with its own table and answers with a {@link GossipDigestAck}.
 */
public record GossipDigestSyn(String clusterName, List<GossipDigest> digests) implements GossipMessage {

    public GossipDigestSyn {
        Objects.requireNonNull(clusterName, "clusterName");
        digests = List.copyOf(digests);
    }
}
