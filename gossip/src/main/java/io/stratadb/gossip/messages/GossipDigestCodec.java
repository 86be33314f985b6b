package io.stratadb.gossip.messages;

import io.stratadb.gossip.state.Endpoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A digest list: count (i32), then per digest endpoint, generation (i64), max version (i32). */
final class GossipDigestCodec {

    private GossipDigestCodec() {
    }

    static void writeList(WireWriter out, List<GossipDigest> digests) {
        WireWriter.checkCount(digests.size(), GossipWireFormat.MAX_ENDPOINTS, "digest count");
        out.i32(digests.size());
        for (GossipDigest d : digests) {
            EndpointCodec.write(out, d.endpoint());
            out.i64(d.generation());
            out.i32(d.maxVersion());
        }
    }

    static List<GossipDigest> readList(WireReader in) {
        int n = in.count("digest count", GossipWireFormat.MAX_ENDPOINTS, GossipWireFormat.MIN_DIGEST_BYTES);
        List<GossipDigest> digests = new ArrayList<>(n);
        Set<Endpoint> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            int at = in.position();
            Endpoint endpoint = EndpointCodec.read(in);
            long generation = in.i64("generation");
            int maxVersion = in.i32("max version");
            if (generation < 0 || maxVersion < 0) {
                throw new MalformedMessageException("negative generation or version in digest at offset " + at);
            }
            // Two digests for one endpoint would make the reply depend on which one we read last.
            if (!seen.add(endpoint)) {
                throw new MalformedMessageException("duplicate digest for " + endpoint + " at offset " + at);
            }
            digests.add(new GossipDigest(endpoint, generation, maxVersion));
        }
        return digests;
    }
}
