package io.stratadb.node.service;

import io.stratadb.client.protocol.message.schema.DropKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.DropKeyspaceResult;
import io.stratadb.node.concurrent.BoundedStage;
import io.stratadb.node.errors.RequestException;
import io.stratadb.node.schema.KeyspaceNames;
import io.stratadb.node.schema.SchemaStore;

import java.util.concurrent.CompletableFuture;

/** DROP_KEYSPACE: on the schema stage, because it fsyncs and deletes the keyspace's files. */
public final class DropKeyspaceHandler implements RequestHandler<DropKeyspaceRequest> {

    private final SchemaStore schema;
    private final BoundedStage schemaStage;

    public DropKeyspaceHandler(SchemaStore schema, BoundedStage schemaStage) {
        this.schema = schema;
        this.schemaStage = schemaStage;
    }

    @Override
    public Class<DropKeyspaceRequest> requestType() {
        return DropKeyspaceRequest.class;
    }

    @Override
    public CompletableFuture<DropKeyspaceResult> handle(DropKeyspaceRequest r) {
        if (KeyspaceNames.isReserved(r.name())) {
            throw RequestException.invalid("keyspace name '" + r.name() + "' is reserved and cannot be dropped");
        }
        return schemaStage.submit(() -> new DropKeyspaceResult(schema.drop(r.name(), r.ifExists())));
    }
}
