package io.stratadb.node.service;

import io.stratadb.client.protocol.message.schema.CreateKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceResult;
import io.stratadb.node.concurrent.BoundedStage;
import io.stratadb.node.schema.SchemaStore;

import java.util.concurrent.CompletableFuture;

/** CREATE_KEYSPACE: on the schema stage, because storing the definition waits for an fsync. */
public final class CreateKeyspaceHandler implements RequestHandler<CreateKeyspaceRequest> {

    private final SchemaStore schema;
    private final BoundedStage schemaStage;

    public CreateKeyspaceHandler(SchemaStore schema, BoundedStage schemaStage) {
        this.schema = schema;
        this.schemaStage = schemaStage;
    }

    @Override
    public Class<CreateKeyspaceRequest> requestType() {
        return CreateKeyspaceRequest.class;
    }

    @Override
    public CompletableFuture<CreateKeyspaceResult> handle(CreateKeyspaceRequest r) {
        return schemaStage.submit(() -> new CreateKeyspaceResult(schema.create(r.keyspace(), r.ifNotExists())));
    }
}
