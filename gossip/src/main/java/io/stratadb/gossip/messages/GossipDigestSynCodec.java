package io.stratadb.gossip.messages;

import java.nio.ByteBuffer;
import java.util.List;

/** Bytes of {@link GossipDigestSyn}: header, then the digest list. Layout in {@code docs/gossip.md}. */
public final class GossipDigestSynCodec implements GossipMessageCodec<GossipDigestSyn> {

    @Override
    public byte[] encode(GossipDigestSyn message) {
        WireWriter out = new WireWriter();
        MessageHeader.write(out, GossipWireFormat.KIND_SYN, message.clusterName());
        GossipDigestCodec.writeList(out, message.digests());
        return out.toByteArray();
    }

    @Override
    public GossipDigestSyn decode(ByteBuffer bytes) {
        WireReader in = new WireReader(bytes);
        String clusterName = MessageHeader.read(in, GossipWireFormat.KIND_SYN);
        List<GossipDigest> digests = GossipDigestCodec.readList(in);
        in.expectEnd();
        return new GossipDigestSyn(clusterName, digests);
    }
}
