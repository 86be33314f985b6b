package io.stratadb.node.testing;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.message.data.GetRequest;
import io.stratadb.client.protocol.message.data.PutRequest;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;

/** Shorthands for the requests tests send most. */
public final class Requests {

    private Requests() {
    }

    public static Bytes bytes(String s) {
        return Bytes.ofUtf8(s);
    }

    public static CreateKeyspaceRequest createKeyspace(String name, int rf) {
        return new CreateKeyspaceRequest(new KeyspaceDefinition(name, new ReplicationSettings.Simple(rf)), false);
    }

    public static PutRequest put(String ks, String key, String value) {
        return new PutRequest(ks, ConsistencyLevel.ONE, bytes(key), bytes(value));
    }

    public static GetRequest get(String ks, String key) {
        return new GetRequest(ks, ConsistencyLevel.ONE, bytes(key));
    }
}
