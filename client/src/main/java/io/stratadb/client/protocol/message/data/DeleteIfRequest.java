package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.SerialWriteRequest;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Objects;

/**
 * DELETE_IF (0x1A): delete the key only if its live value is exactly {@code expected}. Body: {@code string
 * keyspace, u8 consistency, u8 serialConsistency, key, value expected}. Answered by a {@link SerialWriteResult}.
 */
public record DeleteIfRequest(String keyspace, ConsistencyLevel consistency, ConsistencyLevel serialConsistency,
                              Bytes key, Bytes expected) implements SerialWriteRequest {
    public DeleteIfRequest {
        SerialWrites.check(keyspace, consistency, serialConsistency, key);
        Objects.requireNonNull(expected, "expected");
    }

    @Override
    public Opcode opcode() {
        return Opcode.DELETE_IF;
    }

    public static final class Codec implements BodyCodec<DeleteIfRequest> {
        @Override
        public void encode(DeleteIfRequest m, BodyWriter out) {
            out.string(m.keyspace).consistency(m.consistency).consistency(m.serialConsistency).key(m.key)
                    .value(m.expected);
        }

        @Override
        public DeleteIfRequest decode(BodyReader in) {
            return new DeleteIfRequest(in.string("keyspace"), in.consistency(), in.consistency(), in.key("key"),
                    in.value("expected"));
        }

        @Override
        public int estimatedSize(DeleteIfRequest m) {
            return 32 + m.keyspace.length() + m.key.length() + m.expected.length();
        }
    }
}
