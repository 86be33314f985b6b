package io.stratadb.node.messaging;

import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.concurrent.RequestTimer;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests awaiting a response, by request id. Whoever removes an entry first (response, timeout,
 * send failure) completes its future, so each future completes exactly once and a late response finds
 * nothing and is dropped.
 */
final class PendingRequests {

    private record Pending(CompletableFuture<Response> future, Endpoint to, Verb verb,
                           RequestTimer.Timeout[] timeout) {
    }

    private final ConcurrentHashMap<Long, Pending> pending = new ConcurrentHashMap<>();
    // Ids only need to be unique per sender while a request is outstanding; a long never wraps.
    private final AtomicLong nextId = new AtomicLong(1);
    private final RequestTimer timer;
    private final Runnable onTimeout;

    PendingRequests(RequestTimer timer, Runnable onTimeout) {
        this.timer = timer;
        this.onTimeout = onTimeout;
    }

    long register(Endpoint to, Verb verb, Duration timeout, CompletableFuture<Response> future) {
        long id = nextId.getAndIncrement();
        Pending p = new Pending(future, to, verb, new RequestTimer.Timeout[1]);
        // Registered before the timer is armed, so a timeout that fires at once still finds the entry.
        pending.put(id, p);
        p.timeout[0] = timer.schedule(() -> expire(id), Math.max(1, timeout.toMillis()));
        return id;
    }

    private void expire(long id) {
        Pending p = pending.remove(id);
        if (p != null) {
            onTimeout.run();
            p.future.completeExceptionally(new RequestTimeoutException(
                    p.verb + " request " + id + " to " + p.to + " timed out"));
        }
    }

    /** False when the request already finished (a late or duplicate response). */
    boolean complete(long id, Response response) {
        Pending p = pending.remove(id);
        if (p == null) {
            return false;
        }
        cancelTimer(p);
        p.future.complete(response);
        return true;
    }

    boolean fail(long id, Throwable cause) {
        Pending p = pending.remove(id);
        if (p == null) {
            return false;
        }
        cancelTimer(p);
        p.future.completeExceptionally(cause);
        return true;
    }

    void failAll(Throwable cause) {
        for (Long id : pending.keySet()) {
            fail(id, cause);
        }
    }

    int size() {
        return pending.size();
    }

    private static void cancelTimer(Pending p) {
        RequestTimer.Timeout t = p.timeout[0];
        if (t != null) {
            t.cancel();
        }
    }
}
