package io.stratadb.gossip.fd;

import io.stratadb.gossip.state.Endpoint;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phi-accrual failure detection (Hayashibara et al.): instead of a yes/no timeout, each endpoint
 * gets a suspicion level phi = -log10(P(a heartbeat arrives later than now)), computed from the
 * observed heartbeat inter-arrival times, and is convicted when phi exceeds a threshold.
 *
 * <p>We model inter-arrival times as exponentially distributed, as Cassandra does, rather than
 * normally. Heartbeats here arrive second-hand through random gossip partners, so their spacing is
 * irregular (two versions at once, then a gap); a normal model fitted to a run of regular arrivals
 * has a tiny variance and convicts on the first late round. The exponential model needs only the
 * mean, and gives phi = t / (mean * ln 10), linear in the silence t: with mean 1 s and threshold 8,
 * conviction after 8 * ln 10 = 18.4 s.
 *
 * <p>Time is passed in by the caller (monotonic nanos). Thread-safe: the gossip thread reports and
 * interprets while admin threads may read {@link #phi}.
 */
public final class PhiAccrualFailureDetector {

    private static final Logger log = LoggerFactory.getLogger(PhiAccrualFailureDetector.class);
    private static final double LN_10 = Math.log(10);

    private final FailureDetectorSettings settings;
    private final long initialNanos;
    private final long maxIntervalNanos;
    private final long maxLocalPauseNanos;
    private final Map<Endpoint, ArrivalWindow> windows = new HashMap<>();
    private final List<ConvictionListener> listeners = new CopyOnWriteArrayList<>();
    private long lastInterpretNanos;
    private boolean interpreted;

    public PhiAccrualFailureDetector(FailureDetectorSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.initialNanos = settings.initialInterval().toNanos();
        this.maxIntervalNanos = settings.maxInterval().toNanos();
        this.maxLocalPauseNanos = settings.maxLocalPause().toNanos();
    }

    public FailureDetectorSettings settings() {
        return settings;
    }

    public void addConvictionListener(ConvictionListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeConvictionListener(ConvictionListener listener) {
        listeners.remove(listener);
    }

    /** Records a heartbeat of {@code endpoint}: call it each time its heartbeat version is seen to grow. */
    public synchronized void report(Endpoint endpoint, long nowNanos) {
        windows.computeIfAbsent(endpoint, e -> new ArrivalWindow(settings.windowSize()))
                .add(nowNanos, initialNanos, maxIntervalNanos);
    }

    /**
     * Computes phi for {@code endpoint} and, if it exceeds the threshold, tells the conviction
     * listeners. Meant to be called for every endpoint once per gossip round: a gap between calls
     * longer than {@code maxLocalPause} is taken as a pause of this node and forgiven for everyone.
     *
     * @return true if the endpoint was convicted
     */
    public boolean interpret(Endpoint endpoint, long nowNanos) {
        double phi;
        synchronized (this) {
            forgiveLocalPause(nowNanos);
            phi = phi(endpoint, nowNanos);
        }
        if (phi <= settings.phiConvictThreshold()) {
            return false;
        }
        // Listeners run outside the lock so they may call back into this detector.
        for (ConvictionListener l : listeners) {
            l.convict(endpoint, phi);
        }
        return true;
    }

    /** The current suspicion of {@code endpoint}; 0 if it never sent a heartbeat. Never convicts. */
    public synchronized double phi(Endpoint endpoint, long nowNanos) {
        ArrivalWindow w = windows.get(endpoint);
        if (w == null || !w.hasArrival()) {
            return 0.0;
        }
        long silence = Math.max(0, nowNanos - w.lastArrivalNanos());
        double mean = w.meanNanos();
        // A window of all-zero samples (several reports in the same nanosecond) has mean 0; treat
        // any silence as infinitely suspicious only when there is silence at all.
        if (mean <= 0) {
            return silence == 0 ? 0.0 : Double.POSITIVE_INFINITY;
        }
        return silence / (mean * LN_10);
    }

    /** Mean recorded inter-arrival time, NaN if the endpoint is unknown; for tests and the admin view. */
    public synchronized double meanIntervalNanos(Endpoint endpoint) {
        ArrivalWindow w = windows.get(endpoint);
        return w == null ? Double.NaN : w.meanNanos();
    }

    /** Samples currently in the endpoint's window. */
    public synchronized int sampleCount(Endpoint endpoint) {
        ArrivalWindow w = windows.get(endpoint);
        return w == null ? 0 : w.sampleCount();
    }

    /** Forgets an endpoint entirely (it was evicted from membership). */
    public synchronized void remove(Endpoint endpoint) {
        windows.remove(endpoint);
    }

    /**
     * If this node did not interpret for longer than {@code maxLocalPause}, it was not running: no
     * heartbeats could be received, so the silence says nothing about the peers. Shift every last
     * arrival forward by the gap; a peer that was already silent before the pause keeps that
     * silence and is still convicted on time, just not early.
     */
    private void forgiveLocalPause(long nowNanos) {
        if (interpreted) {
            long gap = nowNanos - lastInterpretNanos;
            if (gap > maxLocalPauseNanos) {
                log.warn("Local pause of {} ms detected (> {} ms); not counting it against {} peers",
                        gap / 1_000_000, maxLocalPauseNanos / 1_000_000, windows.size());
                for (ArrivalWindow w : windows.values()) {
                    w.forgive(gap, nowNanos);
                }
            }
        }
        lastInterpretNanos = nowNanos;
        interpreted = true;
    }
}
