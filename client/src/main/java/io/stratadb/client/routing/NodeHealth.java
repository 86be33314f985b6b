package io.stratadb.client.routing;

import io.stratadb.client.time.Ticker;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntToLongFunction;

/**
 * Which nodes recently failed to connect, and until when they stay at the back of query plans. A failed
 * node is suspect for a backoff delay that grows with its failures in a row; once the delay has passed it
 * takes its normal place again (so a node whose reconnection is slow is tried again in turn), and a
 * successful connection clears it at once. Thread-safe; time comes from the injected {@link Ticker}.
 */
public final class NodeHealth {
    private record Suspicion(int failuresInARow, long untilNanos) {
    }

    private final Ticker ticker;
    private final IntToLongFunction backoffNanos;
    private final Map<Node, Suspicion> suspects = new ConcurrentHashMap<>();

    /**
     * @param backoffNanos how long a node stays suspect after its {@code n}th failure in a row (0 for the first)
     */
    public NodeHealth(Ticker ticker, IntToLongFunction backoffNanos) {
        this.ticker = ticker;
        this.backoffNanos = backoffNanos;
    }

    /** The node's connection failed, or could not be opened. */
    public void markFailed(Node node) {
        long now = ticker.nanos();
        suspects.compute(node, (n, s) -> {
            int failures = s == null ? 0 : s.failuresInARow + 1;
            return new Suspicion(failures, now + backoffNanos.applyAsLong(failures));
        });
    }

    /** The node is connected again. */
    public void markUp(Node node) {
        suspects.remove(node);
    }

    /** True while the node's backoff after a failure has not passed. */
    public boolean isSuspect(Node node) {
        Suspicion s = suspects.get(node);
        return s != null && s.untilNanos - ticker.nanos() > 0;
    }
}
