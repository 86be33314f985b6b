package io.stratadb.client.protocol.message.schema;

import io.stratadb.client.protocol.codec.BodyReader;
import io.stratadb.client.protocol.codec.BodyWriter;
import java.util.Objects;

/** A keyspace's name and replication. Wire: {@code string name, replication}. */
public record KeyspaceDefinition(String name, ReplicationSettings replication) {
    public KeyspaceDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(replication, "replication");
    }

    static void write(BodyWriter out, KeyspaceDefinition k) {
        out.string(k.name);
        ReplicationSettings.write(out, k.replication);
    }

    static KeyspaceDefinition read(BodyReader in) {
        return new KeyspaceDefinition(in.string("keyspace"), ReplicationSettings.read(in));
    }
}
