package io.stratadb.client.protocol.message.schema;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;

/** CREATE_KEYSPACE_RESULT (0xA0). Body: {@code u8 created} (0 when if-not-exists found it already there). */
public record CreateKeyspaceResult(boolean created) implements Response {
    @Override
    public Opcode opcode() {
        return Opcode.CREATE_KEYSPACE_RESULT;
    }

    public static final class Codec implements BodyCodec<CreateKeyspaceResult> {
        @Override
        public void encode(CreateKeyspaceResult m, BodyWriter out) {
            out.bool(m.created);
        }

        @Override
        public CreateKeyspaceResult decode(BodyReader in) {
            return new CreateKeyspaceResult(in.bool("created"));
        }
    }
}
