package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.DataRequest;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Objects;

/** GET (0x10): read one key. Body: {@code string keyspace, u8 consistency, key}. */
public record GetRequest(String keyspace, ConsistencyLevel consistency, Bytes key) implements DataRequest {
    public GetRequest {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(consistency, "consistency");
        Keys.checkKey(key);
    }

    @Override
    public Opcode opcode() {
        return Opcode.GET;
    }

    public static final class Codec implements BodyCodec<GetRequest> {
        @Override
        public void encode(GetRequest m, BodyWriter out) {
            out.string(m.keyspace).consistency(m.consistency).key(m.key);
        }

        @Override
        public GetRequest decode(BodyReader in) {
            return new GetRequest(in.string("keyspace"), in.consistency(), in.key("key"));
        }
    }
}
