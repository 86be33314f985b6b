package io.stratadb.client.protocol.message.error;

import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Objects;

/** UNKNOWN_KEYSPACE and ALREADY_EXISTS details: which keyspace. Wire: {@code string keyspace}. */
public record KeyspaceDetails(String keyspace) implements ErrorDetails {
    public KeyspaceDetails {
        Objects.requireNonNull(keyspace, "keyspace");
    }

    @Override
    public void write(BodyWriter out) {
        out.string(keyspace);
    }

    static KeyspaceDetails read(BodyReader in) {
        return new KeyspaceDetails(in.string("keyspace"));
    }
}
