package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.DataRequest;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * DELETE (0x12): write a tombstone. Body: {@code string keyspace, u8 consistency, key, u8 options,
 * [i64 timestampMicros if options & 0x02]} (bit 0x01, TTL, is not allowed here).
 */
public record DeleteRequest(String keyspace, ConsistencyLevel consistency, Bytes key, OptionalLong timestampMicros)
        implements DataRequest {
    public DeleteRequest {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(consistency, "consistency");
        Keys.checkKey(key);
        Objects.requireNonNull(timestampMicros, "timestampMicros");
    }

    public DeleteRequest(String keyspace, ConsistencyLevel consistency, Bytes key) {
        this(keyspace, consistency, key, OptionalLong.empty());
    }

    @Override
    public Opcode opcode() {
        return Opcode.DELETE;
    }

    public static final class Codec implements BodyCodec<DeleteRequest> {
        @Override
        public void encode(DeleteRequest m, BodyWriter out) {
            out.string(m.keyspace).consistency(m.consistency).key(m.key);
            out.u8(m.timestampMicros.isPresent() ? WriteOptions.HAS_TIMESTAMP : 0);
            m.timestampMicros.ifPresent(out::i64);
        }

        @Override
        public DeleteRequest decode(BodyReader in) {
            String keyspace = in.string("keyspace");
            ConsistencyLevel cl = in.consistency();
            Bytes key = in.key("key");
            int options = in.u8();
            if ((options & ~WriteOptions.HAS_TIMESTAMP) != 0) {
                throw in.malformed("DELETE: unknown option bits 0x" + Integer.toHexString(options));
            }
            OptionalLong ts = options != 0 ? OptionalLong.of(in.i64()) : OptionalLong.empty();
            return new DeleteRequest(keyspace, cl, key, ts);
        }
    }
}
