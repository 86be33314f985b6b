package io.stratadb.gossip.messages;

import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import java.nio.ByteBuffer;
import java.util.Map;

/** Bytes of {@link GossipDigestAck2}: header, endpoint states. Layout in {@code docs/gossip.md}. */
public final class GossipDigestAck2Codec implements GossipMessageCodec<GossipDigestAck2> {

    @Override
    public byte[] encode(GossipDigestAck2 message) {
        WireWriter out = new WireWriter();
        MessageHeader.write(out, GossipWireFormat.KIND_ACK2, message.clusterName());
        EndpointStateCodec.writeMap(out, message.states());
        return out.toByteArray();
    }

    @Override
    public GossipDigestAck2 decode(ByteBuffer bytes) {
        WireReader in = new WireReader(bytes);
        String clusterName = MessageHeader.read(in, GossipWireFormat.KIND_ACK2);
        Map<Endpoint, EndpointState> states = EndpointStateCodec.readMap(in);
        in.expectEnd();
        return new GossipDigestAck2(clusterName, states);
    }
}
