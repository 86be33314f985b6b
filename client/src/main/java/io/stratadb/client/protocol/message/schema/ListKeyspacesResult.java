package io.stratadb.client.protocol.message.schema;

import io.stratadb.client.protocol.Opcode;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.codec.BodyCodec;
import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.List;

/** LIST_KEYSPACES_RESULT (0xA2). Body: {@code list<keyspace definition>}. */
public record ListKeyspacesResult(List<KeyspaceDefinition> keyspaces) implements Response {
    public ListKeyspacesResult {
        keyspaces = List.copyOf(keyspaces);
    }

    @Override
    public Opcode opcode() {
        return Opcode.LIST_KEYSPACES_RESULT;
    }

    public static final class Codec implements BodyCodec<ListKeyspacesResult> {
        @Override
        public void encode(ListKeyspacesResult m, BodyWriter out) {
            out.list(m.keyspaces, KeyspaceDefinition::write);
        }

        @Override
        public ListKeyspacesResult decode(BodyReader in) {
            return new ListKeyspacesResult(in.list("keyspaces", 7, KeyspaceDefinition::read));
        }
    }
}
