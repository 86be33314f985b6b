package io.stratadb.client.connection;

import io.netty.util.Timeout;
import io.stratadb.client.exception.RequestTimeoutException;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.DataRequest;
import io.stratadb.client.protocol.Request;
import io.stratadb.client.protocol.Response;
import io.stratadb.client.protocol.message.error.TimeoutKind;
import io.stratadb.client.protocol.message.data.GetRequest;
import io.stratadb.client.protocol.message.data.MultiGetRequest;
import io.stratadb.client.protocol.message.data.ScanRequest;
import io.stratadb.client.protocol.message.schema.ListKeyspacesRequest;
import io.stratadb.client.protocol.message.schema.TopologyRequest;
import java.util.concurrent.CompletableFuture;

/**
 * One request on its way through a connection: the message, the future its caller waits on, and what the
 * connection tracks about it. The future completes exactly once, with the server's answer (an ERROR
 * included: turning that into an exception is the caller's business) or with the failure that came first:
 * the client-side timeout, the connection closing, the write failing.
 *
 * <p>The stream id and the orphan mark are touched only on the connection's event loop.
 */
public final class PendingRequest {
    static final int NO_STREAM = -1;

    private final Request request;
    private final long timeoutNanos;
    private final CompletableFuture<Response> result = new CompletableFuture<>();
    private volatile boolean written;
    private volatile Timeout timeout;

    /** Event loop only. */
    int streamId = NO_STREAM;
    /** Event loop only: timed out while its stream id is still reserved for the late answer. */
    boolean orphaned;

    /**
     * @param timeoutNanos how long to wait for the answer, counted from when a connection takes the request
     */
    public PendingRequest(Request request, long timeoutNanos) {
        if (timeoutNanos <= 0) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeoutNanos + " ns");
        }
        this.request = request;
        this.timeoutNanos = timeoutNanos;
    }

    public Request request() {
        return request;
    }

    public long timeoutNanos() {
        return timeoutNanos;
    }

    /** Completes with the server's answer or a failure; see the class comment. */
    public CompletableFuture<Response> result() {
        return result;
    }

    /** True once the request was written to the socket: from then on the server may have executed it. */
    public boolean isWritten() {
        return written;
    }

    void markWritten() {
        written = true;
    }

    void setTimeout(Timeout timeout) {
        this.timeout = timeout;
    }

    /** Completes with the answer; false if the request had already failed (it timed out: the answer is late). */
    boolean complete(Response response) {
        cancelTimeout();
        return result.complete(response);
    }

    /** Fails the request; false if it had already completed. */
    boolean fail(Throwable cause) {
        cancelTimeout();
        return result.completeExceptionally(cause);
    }

    private void cancelTimeout() {
        Timeout t = timeout;
        if (t != null) {
            t.cancel();
        }
    }

    /** The exception this request's client-side deadline raises. */
    RequestTimeoutException clientTimeout(String where) {
        return clientTimeout(request, timeoutNanos, where);
    }

    /** The exception a client-side deadline raises: no answer from {@code where} in time. */
    public static RequestTimeoutException clientTimeout(Request request, long timeoutNanos, String where) {
        ConsistencyLevel cl = request instanceof DataRequest data ? data.consistency() : null;
        return RequestTimeoutException.clientSide("no answer from " + where + " within "
                + timeoutNanos / 1_000_000 + " ms to " + request.opcode()
                + (cl == null ? "" : " at " + cl) + "; the outcome is unknown", cl, kindOf(request));
    }

    private static TimeoutKind kindOf(Request request) {
        boolean read = request instanceof GetRequest || request instanceof MultiGetRequest
                || request instanceof ScanRequest || request instanceof ListKeyspacesRequest
                || request instanceof TopologyRequest;
        return read ? TimeoutKind.READ : TimeoutKind.WRITE;
    }

    @Override
    public String toString() {
        return "PendingRequest[" + request.opcode() + ", stream " + streamId + (written ? ", written" : "")
                + (result.isDone() ? ", done" : "") + "]";
    }
}
