package io.stratadb.client.protocol.message.schema;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;

/** DROP_KEYSPACE_RESULT (0xA1). Body: {@code u8 dropped}. */
public record DropKeyspaceResult(boolean dropped) implements Response {
    @Override
    public Opcode opcode() {
        return Opcode.DROP_KEYSPACE_RESULT;
    }

    public static final class Codec implements BodyCodec<DropKeyspaceResult> {
        @Override
        public void encode(DropKeyspaceResult m, BodyWriter out) {
            out.bool(m.dropped);
        }

        @Override
        public DropKeyspaceResult decode(BodyReader in) {
            return new DropKeyspaceResult(in.bool("dropped"));
        }
    }
}
