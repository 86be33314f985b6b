package io.stratadb.node.service;

import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.Response;

import java.util.concurrent.CompletableFuture;

/**
 * Serves one kind of request. Called on an event loop, so it must not block: anything that may wait for
 * the disk goes through the coordinator or a stage and comes back as a future. Failures are
 * {@link io.stratadb.node.errors.RequestException}s (or anything {@link io.stratadb.node.errors.ErrorMapper}
 * maps), thrown or in the future.
 */
public interface RequestHandler<Q extends Request> {

    Class<Q> requestType();

    CompletableFuture<? extends Response> handle(Q request);
}
