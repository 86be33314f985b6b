package io.stratadb.gossip.fd;

/**
 * Heartbeat inter-arrival times of one endpoint: a fixed ring of samples with a running sum, so
 * the mean costs O(1) and memory stays bounded however long the endpoint lives.
 */
final class ArrivalWindow {

    private final long[] samples;
    private int count;
    private int next;
    private long sum;
    private long lastArrivalNanos;
    private boolean hasArrival;

    ArrivalWindow(int size) {
        this.samples = new long[size];
    }

    /**
     * Records a heartbeat seen at {@code nowNanos}. The first one records {@code initialNanos}
     * because there is no previous arrival to measure from. An interval above
     * {@code maxIntervalNanos} is recorded as that maximum (see {@link FailureDetectorSettings}).
     */
    void add(long nowNanos, long initialNanos, long maxIntervalNanos) {
        if (!hasArrival) {
            push(initialNanos);
            hasArrival = true;
        } else {
            long interval = nowNanos - lastArrivalNanos;
            push(Math.max(0, Math.min(interval, maxIntervalNanos)));
        }
        lastArrivalNanos = nowNanos;
    }

    /** Mean interval in nanos; only meaningful after the first {@link #add}. */
    double meanNanos() {
        return count == 0 ? Double.NaN : (double) sum / count;
    }

    int sampleCount() {
        return count;
    }

    boolean hasArrival() {
        return hasArrival;
    }

    long lastArrivalNanos() {
        return lastArrivalNanos;
    }

    /** Moves the last arrival forward, as if the silence had been {@code nanos} shorter. */
    void forgive(long nanos, long nowNanos) {
        if (hasArrival) {
            lastArrivalNanos = Math.min(nowNanos, lastArrivalNanos + nanos);
        }
    }

    private void push(long interval) {
        if (count == samples.length) {
            sum -= samples[next];
        } else {
            count++;
        }
        samples[next] = interval;
        sum += interval;
        next = (next + 1) % samples.length;
    }
}
