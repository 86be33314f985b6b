package io.stratadb.gossip;

import io.stratadb.gossip.messages.GossipMessage;
import io.stratadb.gossip.state.Endpoint;

/**
 * How the gossiper sends. The node implements it over internode messaging (encoding each message
 * with its codec, as that message's verb); tests implement it with a simulated network.
 */
public interface GossipTransport {

    /**
     * Sends without waiting and without reporting failure: gossip tolerates lost messages by design,
     * and a slow peer must never stall a round. Implementations should not throw; if one does,
     * the gossiper logs it and carries on.
     */
    void send(Endpoint to, GossipMessage message);
}
