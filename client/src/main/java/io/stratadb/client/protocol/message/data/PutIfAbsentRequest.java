package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.SerialWriteRequest;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * PUT_IF_ABSENT (0x18): write the value only if the key has no live value. Body: {@code string keyspace,
 * u8 consistency, u8 serialConsistency, key, value, u8 options, [i32 ttlSeconds if options & 0x01]}.
 * Answered by a {@link SerialWriteResult}.
 */
public record PutIfAbsentRequest(String keyspace, ConsistencyLevel consistency, ConsistencyLevel serialConsistency,
                                 Bytes key, Bytes value, OptionalInt ttlSeconds) implements SerialWriteRequest {
    public PutIfAbsentRequest {
        SerialWrites.check(keyspace, consistency, serialConsistency, key);
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(ttlSeconds, "ttlSeconds");
    }

    @Override
    public Opcode opcode() {
        return Opcode.PUT_IF_ABSENT;
    }

    public static final class Codec implements BodyCodec<PutIfAbsentRequest> {
        @Override
        public void encode(PutIfAbsentRequest m, BodyWriter out) {
            out.string(m.keyspace).consistency(m.consistency).consistency(m.serialConsistency).key(m.key)
                    .value(m.value);
            SerialWrites.writeTtl(out, m.ttlSeconds);
        }

        @Override
        public PutIfAbsentRequest decode(BodyReader in) {
            return new PutIfAbsentRequest(in.string("keyspace"), in.consistency(), in.consistency(), in.key("key"),
                    in.value("value"), SerialWrites.readTtl(in, "PUT_IF_ABSENT"));
        }

        @Override
        public int estimatedSize(PutIfAbsentRequest m) {
            return 32 + m.keyspace.length() + m.key.length() + m.value.length();
        }
    }
}
