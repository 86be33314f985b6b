package io.stratadb.client.protocol.message.schema;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;

/** LIST_KEYSPACES (0x22). Empty body. */
public record ListKeyspacesRequest() implements Request {
    @Override
    public Opcode opcode() {
        return Opcode.LIST_KEYSPACES;
    }

    public static final class Codec implements BodyCodec<ListKeyspacesRequest> {
        @Override
        public void encode(ListKeyspacesRequest m, BodyWriter out) {
        }

        @Override
        public ListKeyspacesRequest decode(BodyReader in) {
            return new ListKeyspacesRequest();
        }
    }
}
