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
 * SERIAL_PUT (0x1C): write the value unconditionally, through a Paxos round, so it is ordered with the
 * key's other serial operations (a plain PUT is not). Body: {@code string keyspace, u8 consistency,
 * u8 serialConsistency, key, value, u8 options, [i32 ttlSeconds if options & 0x01]}. Answered by a
 * {@link SerialWriteResult}, which always says applied.
 */
public record SerialPutRequest(String keyspace, ConsistencyLevel consistency, ConsistencyLevel serialConsistency,
                               Bytes key, Bytes value, OptionalInt ttlSeconds) implements SerialWriteRequest {
    public SerialPutRequest {
        SerialWrites.check(keyspace, consistency, serialConsistency, key);
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(ttlSeconds, "ttlSeconds");
    }

    @Override
    public Opcode opcode() {
        return Opcode.SERIAL_PUT;
    }

    public static final class Codec implements BodyCodec<SerialPutRequest> {
        @Override
        public void encode(SerialPutRequest m, BodyWriter out) {
            out.string(m.keyspace).consistency(m.consistency).consistency(m.serialConsistency).key(m.key)
                    .value(m.value);
            SerialWrites.writeTtl(out, m.ttlSeconds);
        }

        @Override
        public SerialPutRequest decode(BodyReader in) {
            return new SerialPutRequest(in.string("keyspace"), in.consistency(), in.consistency(), in.key("key"),
                    in.value("value"), SerialWrites.readTtl(in, "SERIAL_PUT"));
        }

        @Override
        public int estimatedSize(SerialPutRequest m) {
            return 32 + m.keyspace.length() + m.key.length() + m.value.length();
        }
    }
}
