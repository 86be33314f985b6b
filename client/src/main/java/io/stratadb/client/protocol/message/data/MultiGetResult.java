package io.stratadb.client.protocol.message.data;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.List;

/**
 * MULTI_GET_RESULT (0x93): one entry per requested key, in request order. Body:
 * {@code list<(key, value result)>}. The key is repeated so a result is readable on its own.
 */
public record MultiGetResult(List<KeyedValue> results) implements Response {
    public MultiGetResult {
        results = List.copyOf(results);
    }

    @Override
    public Opcode opcode() {
        return Opcode.MULTI_GET_RESULT;
    }

    public static final class Codec implements BodyCodec<MultiGetResult> {
        @Override
        public void encode(MultiGetResult m, BodyWriter out) {
            out.list(m.results, (w, kv) -> {
                w.key(kv.key());
                ValueResult.write(w, kv.result());
            });
        }

        @Override
        public MultiGetResult decode(BodyReader in) {
            return new MultiGetResult(in.list("results", 3, r -> new KeyedValue(r.key("key"), ValueResult.read(r))));
        }

        @Override
        public int estimatedSize(MultiGetResult m) {
            return 8 + m.results.stream().mapToInt(kv -> 16 + kv.key().length() + kv.result().value().length()).sum();
        }
    }
}
