package io.stratadb.client.protocol.message.schema;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Objects;

/**
 * CREATE_KEYSPACE (0x20). Body: {@code string name, replication, u8 ifNotExists}. Without if-not-exists an
 * existing keyspace is ALREADY_EXISTS; with it, the result says {@code created = false}.
 */
public record CreateKeyspaceRequest(KeyspaceDefinition keyspace, boolean ifNotExists) implements Request {
    public CreateKeyspaceRequest {
        Objects.requireNonNull(keyspace, "keyspace");
    }

    @Override
    public Opcode opcode() {
        return Opcode.CREATE_KEYSPACE;
    }

    public static final class Codec implements BodyCodec<CreateKeyspaceRequest> {
        @Override
        public void encode(CreateKeyspaceRequest m, BodyWriter out) {
            KeyspaceDefinition.write(out, m.keyspace);
            out.bool(m.ifNotExists);
        }

        @Override
        public CreateKeyspaceRequest decode(BodyReader in) {
            return new CreateKeyspaceRequest(KeyspaceDefinition.read(in), in.bool("ifNotExists"));
        }
    }
}
