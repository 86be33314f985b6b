package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Objects;

/** GET_RESULT (0x90). Body: a {@link ValueResult}. */
public record GetResult(ValueResult result) implements Response {
    public GetResult {
        Objects.requireNonNull(result, "result");
    }

    @Override
    public Opcode opcode() {
        return Opcode.GET_RESULT;
    }

    public static final class Codec implements BodyCodec<GetResult> {
        @Override
        public void encode(GetResult m, BodyWriter out) {
            ValueResult.write(out, m.result);
        }

        @Override
        public GetResult decode(BodyReader in) {
            return new GetResult(ValueResult.read(in));
        }

        @Override
        public int estimatedSize(GetResult m) {
            return 16 + m.result.value().length();
        }
    }
}
