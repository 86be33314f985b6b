package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;

/**
 * PUT_RESULT (0x91): the write met its consistency level. Body: {@code i64 timestampMicros}, the write
 * timestamp that was applied (the client's, or the one the coordinator assigned).
 */
public record PutResult(long timestampMicros) implements Response {
    @Override
    public Opcode opcode() {
        return Opcode.PUT_RESULT;
    }

    public static final class Codec implements BodyCodec<PutResult> {
        @Override
        public void encode(PutResult m, BodyWriter out) {
            out.i64(m.timestampMicros);
        }

        @Override
        public PutResult decode(BodyReader in) {
            return new PutResult(in.i64());
        }
    }
}
