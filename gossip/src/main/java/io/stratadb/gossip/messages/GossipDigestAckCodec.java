package io.stratadb.gossip.messages;

import io.stratadb.gossip.state.Endpoint;
import io.stratadb.gossip.state.EndpointState;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/** Bytes of {@link GossipDigestAck}: header, request digests, endpoint states. Layout in {@code docs/gossip.md}. */
public final class GossipDigestAckCodec implements GossipMessageCodec<GossipDigestAck> {

    @Override
    public byte[] encode(GossipDigestAck message) {
        WireWriter out = new WireWriter();
        MessageHeader.write(out, GossipWireFormat.KIND_ACK, message.clusterName());
        GossipDigestCodec.writeList(out, message.requests());
        EndpointStateCodec.writeMap(out, message.states());
        return out.toByteArray();
    }

    @Override
    public GossipDigestAck decode(ByteBuffer bytes) {
        WireReader in = new WireReader(bytes);
        String clusterName = MessageHeader.read(in, GossipWireFormat.KIND_ACK);
        List<GossipDigest> requests = GossipDigestCodec.readList(in);
        Map<Endpoint, EndpointState> states = EndpointStateCodec.readMap(in);
        in.expectEnd();
        return new GossipDigestAck(clusterName, requests, states);
    }
}
