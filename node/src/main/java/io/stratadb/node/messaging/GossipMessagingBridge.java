package io.stratadb.node.messaging;

import io.stratadb.gossip.GossipTransport;
import io.stratadb.gossip.messages.GossipDigestAck;
import io.stratadb.gossip.messages.GossipDigestAck2;
import io.stratadb.gossip.messages.GossipDigestAck2Codec;
import io.stratadb.gossip.messages.GossipDigestAckCodec;
import io.stratadb.gossip.messages.GossipDigestSyn;
import io.stratadb.gossip.messages.GossipDigestSynCodec;
import io.stratadb.gossip.messages.GossipMessage;
import io.stratadb.gossip.messages.MalformedMessageException;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.messaging.payload.OpaquePayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Carries gossip over internode messaging: each gossip message is encoded by the gossip module's own
 * codec and sent one-way as its verb's opaque payload, so gossip's format versions itself and messaging
 * never learns its shape. Received bytes that gossip cannot decode are logged and dropped, never fatal:
 * gossip tolerates lost messages by design.
 */
public final class GossipMessagingBridge implements GossipTransport {

    private static final Logger log = LoggerFactory.getLogger(GossipMessagingBridge.class);

    private final MessagingService messaging;
    private final GossipDigestSynCodec synCodec = new GossipDigestSynCodec();
    private final GossipDigestAckCodec ackCodec = new GossipDigestAckCodec();
    private final GossipDigestAck2Codec ack2Codec = new GossipDigestAck2Codec();

    public GossipMessagingBridge(MessagingService messaging) {
        this.messaging = messaging;
    }

    @Override
    public void send(Endpoint to, GossipMessage message) {
        Message m;
        if (message instanceof GossipDigestSyn syn) {
            m = Message.of(Verb.GOSSIP_SYN, new OpaquePayload(synCodec.encode(syn)));
        } else if (message instanceof GossipDigestAck ack) {
            m = Message.of(Verb.GOSSIP_ACK, new OpaquePayload(ackCodec.encode(ack)));
        } else {
            m = Message.of(Verb.GOSSIP_ACK2, new OpaquePayload(ack2Codec.encode((GossipDigestAck2) message)));
        }
        messaging.send(to, m);
    }

    /**
     * Routes received gossip to {@code receiver} (the node passes {@code gossiper::receive}). Handlers
     * run on the handler executor: the gossiper notifies listeners while handling, which may block.
     */
    public void registerHandlers(BiConsumer<Endpoint, GossipMessage> receiver) {
        messaging.registerHandler(Verb.GOSSIP_SYN, (from, m, r) -> deliver(receiver, from, m,
                bytes -> synCodec.decode(bytes)));
        messaging.registerHandler(Verb.GOSSIP_ACK, (from, m, r) -> deliver(receiver, from, m,
                bytes -> ackCodec.decode(bytes)));
        messaging.registerHandler(Verb.GOSSIP_ACK2, (from, m, r) -> deliver(receiver, from, m,
                bytes -> ack2Codec.decode(bytes)));
    }

    private static void deliver(BiConsumer<Endpoint, GossipMessage> receiver, Endpoint from, Message m,
                                Function<byte[], GossipMessage> decoder) {
        GossipMessage decoded;
        try {
            decoded = decoder.apply(m.payload(OpaquePayload.class).bytes());
        } catch (MalformedMessageException e) {
            log.warn("Dropping malformed {} from {}: {}", m.verb(), from, e.getMessage());
            return;
        }
        receiver.accept(from, decoded);
    }
}
