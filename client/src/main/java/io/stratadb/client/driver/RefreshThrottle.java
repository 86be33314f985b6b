package io.stratadb.client.driver;

/**
 * When to fetch the topology again, as plain state: at most one fetch in flight, fetches started at least
 * {@code minIntervalNanos} apart, and no request for a fresh topology lost. A request while a fetch runs
 * makes one more run after it (its answer may predate the change that prompted the request); a request
 * too soon after the last start is deferred to the end of the interval. Many requests in a burst (every
 * request to an unknown keyspace, every node failing at once) thus cost one or two fetches.
 *
 * <p>Not thread-safe: {@link TopologyMonitor} calls it under its lock, with the time from its ticker.
 */
final class RefreshThrottle {
    /** Returned by {@link #request} when the caller has nothing to do. */
    static final long NOTHING_TO_DO = -1;

    private enum State { IDLE, DEFERRED, RUNNING, RUNNING_AND_STALE }

    private final long minIntervalNanos;
    private State state = State.IDLE;
    private long lastStartNanos;
    private boolean started;

    RefreshThrottle(long minIntervalNanos) {
        this.minIntervalNanos = minIntervalNanos;
    }

    /**
     * A fresh topology is wanted. Returns 0 if the caller must start a fetch now, a delay in nanoseconds
     * after which it must call {@link #deferredDue}, or {@link #NOTHING_TO_DO}.
     */
    long request(long nowNanos) {
        switch (state) {
            case IDLE -> {
                long wait = started ? lastStartNanos + minIntervalNanos - nowNanos : 0;
                if (wait <= 0) {
                    start(nowNanos);
                    return 0;
                }
                state = State.DEFERRED;
                return wait;
            }
            case RUNNING -> {
                state = State.RUNNING_AND_STALE;
                return NOTHING_TO_DO;
            }
            default -> {
                return NOTHING_TO_DO;
            }
        }
    }

    /** The delay returned by {@link #request} has passed; true if the caller must start a fetch now. */
    boolean deferredDue(long nowNanos) {
        if (state != State.DEFERRED) {
            return false;
        }
        start(nowNanos);
        return true;
    }

    /** The fetch ended (answered or failed); same result as {@link #request}, for a fetch wanted meanwhile. */
    long finished(long nowNanos) {
        boolean stale = state == State.RUNNING_AND_STALE;
        state = State.IDLE;
        return stale ? request(nowNanos) : NOTHING_TO_DO;
    }

    boolean isRunning() {
        return state == State.RUNNING || state == State.RUNNING_AND_STALE;
    }

    private void start(long nowNanos) {
        state = State.RUNNING;
        lastStartNanos = nowNanos;
        started = true;
    }
}
