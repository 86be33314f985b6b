package io.stratadb.client.driver;

import io.stratadb.client.connection.Connection;
import io.stratadb.client.connection.PendingRequest;
import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.exception.NoNodeAvailableException;
import io.stratadb.client.exception.StrataException;
import io.stratadb.client.exception.StrataExceptionFactory;
import io.stratadb.client.pool.NodePool;
import io.stratadb.client.pool.NodePools;
import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.message.error.ErrorResponse;
import io.stratadb.client.retry.AttemptedRequest;
import io.stratadb.client.retry.RetryDecision;
import io.stratadb.client.retry.RetryPolicy;
import io.stratadb.client.routing.LoadBalancingPolicy;
import io.stratadb.client.routing.Node;
import io.stratadb.client.routing.RoutingInfo;
import io.stratadb.client.time.Ticker;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a request to a node: asks the {@link LoadBalancingPolicy} for a plan and takes the first node with
 * a connection able to take the request. While the request has certainly not been sent (the node is down
 * or busy, or its connection failed before the write) it moves on to the next node by itself. After a
 * failure of a sent request it asks the {@link RetryPolicy}, and on a retry goes on along the same plan.
 * One deadline covers every attempt.
 *
 * <p>A server's ERROR is the result like any answer (the caller turns it into its exception); when the
 * retries end on one, that last answer is the result.
 */
public final class RequestDispatcher {
    private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);

    private final LoadBalancingPolicy policy;
    private final NodePools pools;
    private final RetryPolicy retryPolicy;
    private final Ticker ticker;
    private final Consumer<String> keyspaceUsed;

    /**
     * @param keyspaceUsed told the keyspace of each data request before it is planned, so the topology can
     *                     be fetched promptly when the keyspace is new to the client
     */
    public RequestDispatcher(LoadBalancingPolicy policy, NodePools pools, RetryPolicy retryPolicy, Ticker ticker,
                             Consumer<String> keyspaceUsed) {
        this.policy = policy;
        this.pools = pools;
        this.retryPolicy = retryPolicy;
        this.ticker = ticker;
        this.keyspaceUsed = keyspaceUsed;
    }

    /**
     * Sends the request; the result completes with the server's answer (an ERROR included) or fails with a
     * client-side exception: timeout, connection loss, or {@link NoNodeAvailableException}.
     *
     * @param idempotent whether sending it twice is harmless; see {@link AttemptedRequest}
     */
    public CompletableFuture<Response> send(Request request, RoutingInfo routing, Duration timeout, boolean idempotent) {
        if (routing.keyspace() != null) {
            keyspaceUsed.accept(routing.keyspace());
        }
        CompletableFuture<Response> result = new CompletableFuture<>();
        new Dispatch(request, new AttemptedRequest(request.opcode(), idempotent), policy.queryPlan(routing),
                timeout.toNanos(), result).tryNext();
        return result;
    }

    /** One request's walk along its plan. */
    private final class Dispatch {
        private final Request request;
        private final AttemptedRequest attempted;
        private final Iterator<Node> plan;
        private final long timeoutNanos;
        private final long deadlineNanos;
        private final CompletableFuture<Response> result;
        private final Map<InetSocketAddress, Throwable> errors = new LinkedHashMap<>();
        private int retries;
        /** The outcome of the last sent attempt, given to the caller if the retry finds no node or no time. */
        private Response lastAnswer;
        private Throwable lastFailure;

        Dispatch(Request request, AttemptedRequest attempted, Iterator<Node> plan, long timeoutNanos,
                 CompletableFuture<Response> result) {
            this.request = request;
            this.attempted = attempted;
            this.plan = plan;
            this.timeoutNanos = timeoutNanos;
            this.deadlineNanos = ticker.nanos() + timeoutNanos;
            this.result = result;
        }

        void tryNext() {
            while (plan.hasNext()) {
                Node node = plan.next();
                NodePool pool = pools.get(node);
                if (pool == null) {
                    continue; // a node the policy knows and the client does not connect to
                }
                long remaining = deadlineNanos - ticker.nanos();
                if (remaining <= 0) {
                    // Only reachable after failing over from nodes whose connections failed slowly, or on a retry.
                    finish(PendingRequest.clientTimeout(request, timeoutNanos, "any node"));
                    return;
                }
                Connection connection = pool.acquire();
                if (connection == null) {
                    errors.put(node.address(), pool.unavailableReason());
                    continue;
                }
                PendingRequest pending = new PendingRequest(request, remaining);
                connection.send(pending);
                pending.result().whenComplete((response, error) -> onOutcome(node, response, error));
                return;
            }
            finish(new NoNodeAvailableException(errors));
        }

        private void onOutcome(Node node, Response response, Throwable error) {
            if (error instanceof ConnectionException e && !e.wasRequestSent()) {
                errors.put(node.address(), e);
                tryNext();
                return;
            }
            StrataException failure = error instanceof StrataException s ? s
                    : response instanceof ErrorResponse e ? StrataExceptionFactory.fromError(e) : null;
            if (failure != null && shouldRetry(failure)) {
                log.debug("retrying {} after {} from {}", request.opcode(), failure.toString(), node);
                retries++;
                errors.put(node.address(), failure);
                lastAnswer = response;
                lastFailure = error;
                tryNext();
                return;
            }
            complete(response, error);
        }

        /** A policy that throws must not leave the request hanging: that counts as "fail". */
        private boolean shouldRetry(StrataException failure) {
            try {
                return retryPolicy.onFailure(attempted, failure, retries) == RetryDecision.RETRY_NEXT_NODE;
            } catch (RuntimeException e) {
                log.warn("retry policy {} failed; not retrying {}", retryPolicy, request.opcode(), e);
                return false;
            }
        }

        /** Ends with the last sent attempt's outcome if there was one (it says more), else with {@code fallback}. */
        private void finish(StrataException fallback) {
            if (lastAnswer != null || lastFailure != null) {
                complete(lastAnswer, lastFailure);
            } else {
                result.completeExceptionally(fallback);
            }
        }

        private void complete(Response response, Throwable error) {
            if (error != null) {
                result.completeExceptionally(error);
            } else {
                result.complete(response);
            }
        }
    }
}
