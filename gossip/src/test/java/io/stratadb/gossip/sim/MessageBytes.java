package io.stratadb.gossip.sim;

import io.stratadb.gossip.messages.GossipDigestAck;
import io.stratadb.gossip.messages.GossipDigestAck2;
import io.stratadb.gossip.messages.GossipDigestAck2Codec;
import io.stratadb.gossip.messages.GossipDigestAckCodec;
import io.stratadb.gossip.messages.GossipDigestSyn;
import io.stratadb.gossip.messages.GossipDigestSynCodec;
import io.stratadb.gossip.messages.GossipMessage;
import io.stratadb.gossip.messages.GossipWireFormat;

/**
 * Stands in for the node's per-verb dispatch: picks the codec by message type (and, reading, by the
 * kind byte), so every simulated message crosses the wire as real bytes.
 */
final class MessageBytes {

    private final GossipDigestSynCodec syn = new GossipDigestSynCodec();
    private final GossipDigestAckCodec ack = new GossipDigestAckCodec();
    private final GossipDigestAck2Codec ack2 = new GossipDigestAck2Codec();

    byte[] encode(GossipMessage message) {
        if (message instanceof GossipDigestSyn m) {
            return syn.encode(m);
        } else if (message instanceof GossipDigestAck m) {
            return ack.encode(m);
        }
        return ack2.encode((GossipDigestAck2) message);
    }

    GossipMessage decode(byte[] bytes) {
        return switch (bytes[1]) {
            case GossipWireFormat.KIND_SYN -> syn.decode(bytes);
            case GossipWireFormat.KIND_ACK -> ack.decode(bytes);
            case GossipWireFormat.KIND_ACK2 -> ack2.decode(bytes);
            default -> throw new IllegalStateException("unknown kind " + bytes[1]);
        };
    }
}
