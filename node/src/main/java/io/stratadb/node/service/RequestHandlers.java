package io.stratadb.node.service;

import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.Response;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The handler of each request type; built once per node. */
public final class RequestHandlers {

    private final Map<Class<?>, RequestHandler<?>> byType = new HashMap<>();

    public RequestHandlers(List<RequestHandler<?>> handlers) {
        for (RequestHandler<?> h : handlers) {
            if (byType.put(h.requestType(), h) != null) {
                throw new IllegalArgumentException("two handlers for " + h.requestType().getSimpleName());
            }
        }
    }

    /** Runs the request's handler; a handler that throws becomes a failed future. */
    @SuppressWarnings("unchecked")
    public CompletableFuture<? extends Response> dispatch(Request request) {
        RequestHandler<Request> h = (RequestHandler<Request>) byType.get(request.getClass());
        if (h == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no handler for " + request.opcode()));
        }
        try {
            return h.handle(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
