package io.stratadb.node.service;

import io.stratadb.client.protocol.message.schema.ListKeyspacesRequest;
import io.stratadb.client.protocol.message.schema.ListKeyspacesResult;
import io.stratadb.node.schema.SchemaStore;

import java.util.concurrent.CompletableFuture;

/** LIST_KEYSPACES: the current schema snapshot, answered on the event loop (memory only). */
public final class ListKeyspacesHandler implements RequestHandler<ListKeyspacesRequest> {

    private final SchemaStore schema;

    public ListKeyspacesHandler(SchemaStore schema) {
        this.schema = schema;
    }

    @Override
    public Class<ListKeyspacesRequest> requestType() {
        return ListKeyspacesRequest.class;
    }

    @Override
    public CompletableFuture<ListKeyspacesResult> handle(ListKeyspacesRequest r) {
        return CompletableFuture.completedFuture(new ListKeyspacesResult(schema.current().definitions()));
    }
}
