package io.stratadb.gossip.messages;

import io.stratadb.gossip.state.Endpoint;
import java.util.Objects;

/**
 * A summary of what a node knows about one endpoint: which incarnation, and up to which version.
 * In an ACK the same shape means a request: "send me what you have above {@code maxVersion}".
 */
public record GossipDigest(Endpoint endpoint, long generation, int maxVersion) {

    public GossipDigest {
        Objects.requireNonNull(endpoint, "endpoint");
        if (generation < 0) {
            throw new IllegalArgumentException("negative generation " + generation);
        }
        if (maxVersion < 0) {
            throw new IllegalArgumentException("negative version " + maxVersion);
        }
    }
}
