package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.DataRequest;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * PUT (0x11): write one value. Body: {@code string keyspace, u8 consistency, key, value, u8 options,
 * [i32 ttlSeconds if options & 0x01], [i64 timestampMicros if options & 0x02]}.
 *
 * <p>Without a client timestamp the coordinator assigns one. Whether the TTL is positive and the value
 * small enough is the server's check (INVALID_REQUEST), not the codec's: the codec only knows the format.
 */
public record PutRequest(String keyspace, ConsistencyLevel consistency, Bytes key, Bytes value,
                         OptionalInt ttlSeconds, OptionalLong timestampMicros) implements DataRequest {
    public PutRequest {
        Objects.requireNonNull(keyspace, "keyspace");
        Objects.requireNonNull(consistency, "consistency");
        Keys.checkKey(key);
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(ttlSeconds, "ttlSeconds");
        Objects.requireNonNull(timestampMicros, "timestampMicros");
    }

    public PutRequest(String keyspace, ConsistencyLevel consistency, Bytes key, Bytes value) {
        this(keyspace, consistency, key, value, OptionalInt.empty(), OptionalLong.empty());
    }

    @Override
    public Opcode opcode() {
        return Opcode.PUT;
    }

    public static final class Codec implements BodyCodec<PutRequest> {
        @Override
        public void encode(PutRequest m, BodyWriter out) {
            out.string(m.keyspace).consistency(m.consistency).key(m.key).value(m.value);
            out.u8((m.ttlSeconds.isPresent() ? WriteOptions.HAS_TTL : 0)
                    | (m.timestampMicros.isPresent() ? WriteOptions.HAS_TIMESTAMP : 0));
            m.ttlSeconds.ifPresent(out::i32);
            m.timestampMicros.ifPresent(out::i64);
        }

        @Override
        public PutRequest decode(BodyReader in) {
            String keyspace = in.string("keyspace");
            ConsistencyLevel cl = in.consistency();
            Bytes key = in.key("key");
            Bytes value = in.value("value");
            int options = in.u8();
            if ((options & ~(WriteOptions.HAS_TTL | WriteOptions.HAS_TIMESTAMP)) != 0) {
                throw in.malformed("PUT: unknown option bits 0x" + Integer.toHexString(options));
            }
            OptionalInt ttl = (options & WriteOptions.HAS_TTL) != 0 ? OptionalInt.of(in.i32()) : OptionalInt.empty();
            OptionalLong ts = (options & WriteOptions.HAS_TIMESTAMP) != 0
                    ? OptionalLong.of(in.i64()) : OptionalLong.empty();
            return new PutRequest(keyspace, cl, key, value, ttl, ts);
        }

        @Override
        public int estimatedSize(PutRequest m) {
            return 32 + m.keyspace.length() + m.key.length() + m.value.length();
        }
    }
}
