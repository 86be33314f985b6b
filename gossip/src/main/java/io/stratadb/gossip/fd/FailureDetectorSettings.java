package io.stratadb.gossip.fd;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of {@link PhiAccrualFailureDetector}.
 *
 * @param phiConvictThreshold phi above which an endpoint is convicted. With 1 s heartbeats a phi of 8
 *     convicts after about 18 s of silence (see {@code docs/gossip.md}); lower convicts faster and
 *     flaps more on a loaded network.
 * @param windowSize inter-arrival samples kept per endpoint; older ones fall out
 * @param initialInterval the sample recorded on an endpoint's first heartbeat, before any real
 *     interval exists; larger than the gossip interval so a new endpoint is not convicted early
 * @param maxInterval intervals longer than this are recorded as this: a long gap measures an outage,
 *     not the heartbeat rate, and would slow detection after every flap. Clamped rather than
 *     dropped (Cassandra drops them): gossip delivers heartbeats in bursts, a short interval then
 *     a long one, and dropping only the long ones pulls the mean below the real rate; in
 *     simulation that convicted peers after 14 s of silence instead of 18.
 * @param maxLocalPause a gap longer than this between two {@code interpret} calls means this node
 *     itself was not running (GC, suspended VM); that time is not counted against any peer
 */
public record FailureDetectorSettings(
        double phiConvictThreshold,
        int windowSize,
        Duration initialInterval,
        Duration maxInterval,
        Duration maxLocalPause) {

    public static final double DEFAULT_PHI_CONVICT_THRESHOLD = 8.0;
    public static final int DEFAULT_WINDOW_SIZE = 1000;
    public static final Duration DEFAULT_MAX_LOCAL_PAUSE = Duration.ofSeconds(5);

    public FailureDetectorSettings {
        if (!(phiConvictThreshold > 0) || Double.isInfinite(phiConvictThreshold)) {
            throw new IllegalArgumentException("phi threshold must be positive: " + phiConvictThreshold);
        }
        if (windowSize < 1) {
            throw new IllegalArgumentException("window size must be at least 1: " + windowSize);
        }
        requirePositive(initialInterval, "initialInterval");
        requirePositive(maxInterval, "maxInterval");
        requirePositive(maxLocalPause, "maxLocalPause");
    }

    /** Defaults for a node that gossips every {@code gossipInterval}. */
    public static FailureDetectorSettings defaults(Duration gossipInterval) {
        Duration twice = gossipInterval.multipliedBy(2);
        return new FailureDetectorSettings(DEFAULT_PHI_CONVICT_THRESHOLD, DEFAULT_WINDOW_SIZE, twice, twice,
                DEFAULT_MAX_LOCAL_PAUSE);
    }

    public FailureDetectorSettings withPhiConvictThreshold(double threshold) {
        return new FailureDetectorSettings(threshold, windowSize, initialInterval, maxInterval, maxLocalPause);
    }

    public FailureDetectorSettings withWindowSize(int size) {
        return new FailureDetectorSettings(phiConvictThreshold, size, initialInterval, maxInterval, maxLocalPause);
    }

    public FailureDetectorSettings withMaxLocalPause(Duration pause) {
        return new FailureDetectorSettings(phiConvictThreshold, windowSize, initialInterval, maxInterval, pause);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
