package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.DataRequest;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.List;
import java.util.Objects;

/** MULTI_GET (0x13): read several keys. Body: {@code string keyspace, u8 consistency, list<key>}. */
public record MultiGetRequest(String keyspace, ConsistencyLevel consistency, List<Bytes> keys)
        implements DataRequest {
    public MultiGetRequest {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(consistency, "consistency");
        keys = List.copyOf(keys);
        keys.forEach(Keys::checkKey);
    }

    @Override
    public Opcode opcode() {
        return Opcode.MULTI_GET;
    }

    public static final class Codec implements BodyCodec<MultiGetRequest> {
        @Override
        public void encode(MultiGetRequest m, BodyWriter out) {
            out.string(m.keyspace).consistency(m.consistency).list(m.keys, BodyWriter::key);
        }

        @Override
        public MultiGetRequest decode(BodyReader in) {
            return new MultiGetRequest(in.string("keyspace"), in.consistency(),
                    in.list("keys", 2, r -> r.key("key")));
        }

        @Override
        public int estimatedSize(MultiGetRequest m) {
            return 16 + m.keyspace.length() + m.keys.stream().mapToInt(k -> 2 + k.length()).sum();
        }
    }
}
