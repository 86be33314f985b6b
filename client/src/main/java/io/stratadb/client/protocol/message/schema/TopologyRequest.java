package io.stratadb.client.protocol.message.schema;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;

/** TOPOLOGY (0x23): ask for the ring, so a token-aware client can send each request to a replica. Empty body. */
public record TopologyRequest() implements Request {
    @Override
    public Opcode opcode() {
        return Opcode.TOPOLOGY;
    }

    public static final class Codec implements BodyCodec<TopologyRequest> {
        @Override
        public void encode(TopologyRequest m, BodyWriter out) {
        }

        @Override
        public TopologyRequest decode(BodyReader in) {
            return new TopologyRequest();
        }
    }
}
