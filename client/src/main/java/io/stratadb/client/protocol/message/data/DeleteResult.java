package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;

/** DELETE_RESULT (0x92). Body: {@code i64 timestampMicros} of the tombstone written. */
public record DeleteResult(long timestampMicros) implements Response {
    @Override
    public Opcode opcode() {
        return Opcode.DELETE_RESULT;
    }

    public static final class Codec implements BodyCodec<DeleteResult> {
        @Override
        public void encode(DeleteResult m, BodyWriter out) {
            out.i64(m.timestampMicros);
        }

        @Override
        public DeleteResult decode(BodyReader in) {
            return new DeleteResult(in.i64());
        }
    }
}
