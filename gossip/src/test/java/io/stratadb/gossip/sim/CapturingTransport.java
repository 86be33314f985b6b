package io.stratadb.gossip.sim;

import io.stratadb.gossip.GossipTransport;
import io.stratadb.gossip.messages.GossipMessage;
import io.stratadb.gossip.state.Endpoint;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a gossiper sends, for tests that drive one gossiper by hand. */
public final class CapturingTransport implements GossipTransport {

    /** One sent message. */
    public record Sent(Endpoint to, GossipMessage message) {
    }

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public void send(Endpoint to, GossipMessage message) {
        sent.add(new Sent(to, message));
    }

    /** Everything sent since the last call, and forgets it. */
    public List<Sent> drain() {
        List<Sent> out = List.copyOf(sent);
        sent.clear();
        return out;
    }

    /** The messages of one type sent since the last drain, and forgets everything. */
    public <M extends GossipMessage> List<M> drain(Class<M> type) {
        return drain().stream().map(Sent::message).filter(type::isInstance).map(type::cast).toList();
    }
}
