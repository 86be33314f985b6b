package io.stratadb.client.driver;

import io.stratadb.client.connection.Connection;
import io.stratadb.client.connection.PendingRequest;
import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.exception.NoNodeAvailableException;
import io.stratadb.client.pool.NodePool;
import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.routing.LoadBalancingPolicy;
import io.stratadb.client.routing.Node;
import io.stratadb.client.routing.RoutingInfo;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a request to a node: asks the {@link LoadBalancingPolicy} for a plan and takes the first node with
 * a connection able to take the request. It moves on to the next node only while the request has
 * certainly not been sent (the node is down or busy, or its connection failed before the write), never
 * after: whether to retry a request that may have been executed is the caller's decision, which {@link
 * io.stratadb.client.exception.StrataException#requestHadNoEffect()} informs.
 */
public final class RequestDispatcher {
    private final LoadBalancingPolicy policy;
    private final Map<Node, NodePool> pools;

    public RequestDispatcher(LoadBalancingPolicy policy, Map<Node, NodePool> pools) {
        this.policy = policy;
        this.pools = Map.copyOf(pools);
    }

    /**
     * Sends the request; the result completes with the server's answer (an ERROR included) or fails with a
     * client-side exception: timeout, connection loss, or {@link NoNodeAvailableException}.
     */
    public CompletableFuture<Response> send(Request request, RoutingInfo routing, Duration timeout) {
        CompletableFuture<Response> result = new CompletableFuture<>();
        new Dispatch(request, policy.queryPlan(routing), timeout.toNanos(), result).tryNext();
        return result;
    }

    /** One request's walk along its plan. */
    private final class Dispatch {
        private final Request request;
        private final Iterator<Node> plan;
        private final long timeoutNanos;
        private final long deadlineNanos;
        private final CompletableFuture<Response> result;
        private final Map<InetSocketAddress, Throwable> errors = new LinkedHashMap<>();

        Dispatch(Request request, Iterator<Node> plan, long timeoutNanos, CompletableFuture<Response> result) {
            this.request = request;
            this.plan = plan;
            this.timeoutNanos = timeoutNanos;
            this.deadlineNanos = System.nanoTime() + timeoutNanos;
            this.result = result;
        }

        void tryNext() {
            while (plan.hasNext()) {
                Node node = plan.next();
                NodePool pool = pools.get(node);
                if (pool == null) {
                    continue; // a node the policy knows and the client does not connect to
                }
                long remaining = deadlineNanos - System.nanoTime();
                if (remaining <= 0) {
                    // Only reachable after failing over from nodes whose connections failed slowly.
                    result.completeExceptionally(PendingRequest.clientTimeout(request, timeoutNanos, "any node"));
                    return;
                }
                Connection connection = pool.acquire();
                if (connection == null) {
                    errors.put(node.address(), pool.unavailableReason());
                    continue;
                }
                PendingRequest pending = new PendingRequest(request, remaining);
                connection.send(pending);
                pending.result().whenComplete((response, error) -> {
                    if (error instanceof ConnectionException e && !e.wasRequestSent()) {
                        errors.put(node.address(), e);
                        tryNext();
                    } else if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(response);
                    }
                });
                return;
            }
            result.completeExceptionally(new NoNodeAvailableException(errors));
        }
    }
}
