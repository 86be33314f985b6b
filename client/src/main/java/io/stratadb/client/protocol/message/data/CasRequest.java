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
 * CAS (0x19): write {@code newValue} only if the key's live value is exactly {@code expected} (byte for byte;
 * an absent key matches nothing, not even an empty expected value: that is PUT_IF_ABSENT). Body:
 * {@code string keyspace, u8 consistency, u8 serialConsistency, key, value expected, value newValue, u8 options,
 * [i32 ttlSeconds if options & 0x01]}. Answered by a {@link SerialWriteResult}.
 */
public record CasRequest(String keyspace, ConsistencyLevel consistency, ConsistencyLevel serialConsistency, Bytes key,
                         Bytes expected, Bytes newValue, OptionalInt ttlSeconds) implements SerialWriteRequest {
    public CasRequest {
        SerialWrites.check(keyspace, consistency, serialConsistency, key);
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(newValue, "newValue");
        Objects.requireNonNull(ttlSeconds, "ttlSeconds");
    }

    @Override
    public Opcode opcode() {
        return Opcode.CAS;
    }

    public static final class Codec implements BodyCodec<CasRequest> {
        @Override
        public void encode(CasRequest m, BodyWriter out) {
            out.string(m.keyspace).consistency(m.consistency).consistency(m.serialConsistency).key(m.key)
                    .value(m.expected).value(m.newValue);
            SerialWrites.writeTtl(out, m.ttlSeconds);
        }

        @Override
        public CasRequest decode(BodyReader in) {
            return new CasRequest(in.string("keyspace"), in.consistency(), in.consistency(), in.key("key"),
                    in.value("expected"), in.value("newValue"), SerialWrites.readTtl(in, "CAS"));
        }

        @Override
        public int estimatedSize(CasRequest m) {
            return 40 + m.keyspace.length() + m.key.length() + m.expected.length() + m.newValue.length();
        }
    }
}
