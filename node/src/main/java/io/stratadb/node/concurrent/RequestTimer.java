package io.stratadb.node.concurrent;

/**
 * Schedules request timeouts. Behind an interface so coordinator tests can fire timeouts by hand instead
 * of waiting, and the cluster's simulated tests can drive them from simulated time.
 */
public interface RequestTimer extends AutoCloseable {

    /** A scheduled timeout; cancel it when the request finishes first. */
    interface Timeout {
        void cancel();
    }

    /** Runs {@code task} once after {@code delayMillis}, on the timer's thread; keep it short. */
    Timeout schedule(Runnable task, long delayMillis);

    @Override
    void close();
}
