package io.stratadb.client.protocol.message.schema;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Objects;

/**
 * DROP_KEYSPACE (0x21). Body: {@code string name, u8 ifExists}. Without if-exists a missing keyspace is
 * UNKNOWN_KEYSPACE; with it, the result says {@code dropped = false}.
 */
public record DropKeyspaceRequest(String name, boolean ifExists) implements Request {
    public DropKeyspaceRequest {
        Objects.requireNonNull(name, "name");
    }

    @Override
    public Opcode opcode() {
        return Opcode.DROP_KEYSPACE;
    }

    public static final class Codec implements BodyCodec<DropKeyspaceRequest> {
        @Override
        public void encode(DropKeyspaceRequest m, BodyWriter out) {
            out.string(m.name).bool(m.ifExists);
        }

        @Override
        public DropKeyspaceRequest decode(BodyReader in) {
            return new DropKeyspaceRequest(in.string("name"), in.bool("ifExists"));
        }
    }
}
