package io.stratadb.gossip.fd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.gossip.sim.TestSeed;
import io.stratadb.gossip.state.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Phi from heartbeat arrival times: low when regular, linear in silence, crossing 8 when the formula says. */
class PhiAccrualFailureDetectorTest {

    private static final Endpoint X = Endpoint.of("10.0.0.1", 7000);
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 5_000 * SECOND;
    private static final double LN_10 = Math.log(10);

    private final PhiAccrualFailureDetector fd =
            new PhiAccrualFailureDetector(FailureDetectorSettings.defaults(Duration.ofSeconds(1)));

    @Test
    void anUnknownEndpointHasPhiZeroAndIsNotConvicted() {
        assertEquals(0.0, fd.phi(X, T0));
        assertFalse(fd.interpret(X, T0 + 1000 * SECOND));
    }

    @Test
    void regularHeartbeatsGiveLowPhi() {
        long now = beatEverySecond(100);
        // Just before the next heartbeat is due, phi = 1 / (mean * ln 10) with mean about 1 s.
        double phi = fd.phi(X, now + SECOND - 1);
        assertTrue(phi < 0.5, "phi " + phi);
        assertEquals(0.0, fd.phi(X, now));
    }

    @Test
    void phiGrowsLinearlyWithSilence() {
        long now = beatEverySecond(50);
        double at5 = fd.phi(X, now + 5 * SECOND);
        double at10 = fd.phi(X, now + 10 * SECOND);
        double at20 = fd.phi(X, now + 20 * SECOND);
        assertEquals(2 * at5, at10, 1e-9);
        assertEquals(4 * at5, at20, 1e-9);
        assertEquals(5.0 / (fd.meanIntervalNanos(X) / SECOND * LN_10), at5, 1e-9);
    }

    @Test
    void theThresholdIsCrossedWhenTheFormulaSays() {
        long now = beatEverySecond(100);
        double meanSeconds = fd.meanIntervalNanos(X) / SECOND;
        assertEquals((2.0 + 99) / 100, meanSeconds, 1e-9, "initial 2 s sample plus 99 one-second intervals");
        double expectedSeconds = 8 * LN_10 * meanSeconds; // 18.6 s
        assertConvictionAt(now, expectedSeconds);
    }

    @Test
    void theThresholdCrossingFollowsTheObservedMeanForIrregularHeartbeats() {
        SplittableRandom random = new SplittableRandom(TestSeed.pick("phi-jitter"));
        long now = T0;
        double sum = 2.0; // the initial sample
        int samples = 1;
        fd.report(X, now);
        for (int i = 0; i < 300; i++) {
            double gap = 0.2 + random.nextDouble() * 1.6; // 0.2 .. 1.8 s, all under the 2 s cap
            now += (long) (gap * SECOND);
            fd.report(X, now);
            sum += (long) (gap * SECOND) / (double) SECOND;
            samples++;
        }
        double meanSeconds = sum / samples;
        assertEquals(meanSeconds, fd.meanIntervalNanos(X) / SECOND, 1e-6);
        assertConvictionAt(now, 8 * LN_10 * meanSeconds);
    }

    @Test
    void aLowerThresholdConvictsSooner() {
        PhiAccrualFailureDetector eager = new PhiAccrualFailureDetector(
                FailureDetectorSettings.defaults(Duration.ofSeconds(1)).withPhiConvictThreshold(5));
        long now = T0;
        for (int i = 0; i < 100; i++, now += SECOND) {
            eager.report(X, now);
        }
        now -= SECOND;
        long at = now + (long) (5 * LN_10 * eager.meanIntervalNanos(X));
        assertFalse(eager.interpret(X, at - SECOND / 10));
        assertTrue(eager.interpret(X, at + SECOND / 10));
    }

    @Test
    void intervalsLongerThanTheMaximumAreRecordedAsTheMaximum() {
        long now = beatEverySecond(10); // samples: 2 s initial + 9 x 1 s
        fd.report(X, now + 30 * SECOND); // back after an outage
        assertEquals(11, fd.sampleCount(X));
        assertEquals((2.0 + 9 + 2.0) / 11, fd.meanIntervalNanos(X) / SECOND, 1e-9, "30 s counted as 2 s");
        assertEquals(0.0, fd.phi(X, now + 30 * SECOND));
    }

    /**
     * Gossip delivers heartbeats in bursts: two versions close together, then a long gap. Dropping
     * the long gaps would leave a mean of 0.1 s, and conviction after 2 s of silence; clamping them
     * keeps the mean near the real heartbeat interval.
     */
    @Test
    void burstyArrivalsDoNotPullTheMeanBelowTheRealRate() {
        long now = T0;
        fd.report(X, now);
        for (int i = 0; i < 200; i++) {
            now += SECOND / 10; // two heartbeats 0.1 s apart...
            fd.report(X, now);
            now += 29 * SECOND / 10; // ...then 2.9 s of nothing
            fd.report(X, now);
        }
        assertEquals(1.05, fd.meanIntervalNanos(X) / SECOND, 0.01, "(0.1 + 2 capped) / 2");
    }

    @Test
    void theWindowIsBoundedAndForgetsOldIntervals() {
        PhiAccrualFailureDetector small = new PhiAccrualFailureDetector(
                FailureDetectorSettings.defaults(Duration.ofSeconds(1)).withWindowSize(10));
        long now = T0;
        for (int i = 0; i < 100; i++, now += SECOND) {
            small.report(X, now);
        }
        now -= SECOND;
        for (int i = 0; i < 10; i++) {
            now += SECOND / 2;
            small.report(X, now);
        }
        assertEquals(10, small.sampleCount(X));
        assertEquals(SECOND / 2.0, small.meanIntervalNanos(X), 1.0);
    }

    @Test
    void aLocalPauseIsNotCountedAgainstPeers() {
        long now = beatEverySecond(60);
        for (int i = 0; i < 3; i++) { // rounds keep interpreting; X goes silent 3 s before the pause
            now += SECOND;
            assertFalse(fd.interpret(X, now));
        }
        now += 30 * SECOND; // this node was frozen
        assertFalse(fd.interpret(X, now), "phi " + fd.phi(X, now));
        // X stays silent: it is convicted once its silence outside the pause reaches ~18.6 s.
        double mean = fd.meanIntervalNanos(X) / SECOND;
        long silentBeforePause = 3 * SECOND;
        long convictAt = now + (long) (8 * LN_10 * mean * SECOND) - silentBeforePause;
        for (long t = now + SECOND; t < convictAt - SECOND / 2; t += SECOND) {
            assertFalse(fd.interpret(X, t), "early conviction at +" + (t - now) / SECOND + " s");
        }
        assertTrue(fd.interpret(X, convictAt + SECOND));
    }

    @Test
    void withoutPauseHandlingTheSamePauseConvicts() {
        PhiAccrualFailureDetector naive = new PhiAccrualFailureDetector(FailureDetectorSettings
                .defaults(Duration.ofSeconds(1)).withMaxLocalPause(Duration.ofDays(1)));
        long now = T0;
        for (int i = 0; i < 60; i++, now += SECOND) {
            naive.report(X, now);
            naive.interpret(X, now);
        }
        assertTrue(naive.interpret(X, now + 30 * SECOND));
    }

    @Test
    void convictionListenersAreToldWithPhiAndMayCallBack() {
        List<Double> told = new ArrayList<>();
        fd.addConvictionListener((ep, phi) -> {
            told.add(phi);
            fd.remove(ep); // calling back into the detector must not deadlock
        });
        long now = beatEverySecond(20);
        boolean convicted = false;
        for (int s = 1; s <= 25 && !convicted; s++) { // interpreted every round, as the gossiper does
            convicted = fd.interpret(X, now + s * SECOND);
        }
        assertTrue(convicted);
        assertEquals(1, told.size());
        assertTrue(told.get(0) > 8);
        assertEquals(0, fd.sampleCount(X));
    }

    private long beatEverySecond(int beats) {
        long now = T0;
        for (int i = 0; i < beats; i++) {
            if (i > 0) {
                now += SECOND;
            }
            fd.report(X, now);
            fd.interpret(X, now);
        }
        return now;
    }

    /** Interprets every 100 ms after {@code lastBeat}: no conviction until the expected time, then conviction. */
    private void assertConvictionAt(long lastBeat, double expectedSeconds) {
        long step = SECOND / 10;
        long expected = lastBeat + (long) (expectedSeconds * SECOND);
        long t = lastBeat;
        for (; t < expected - step; t += step) {
            assertFalse(fd.interpret(X, t), "convicted at " + (t - lastBeat) / (double) SECOND
                    + " s, expected " + expectedSeconds);
        }
        assertTrue(fd.interpret(X, expected + step), "not convicted at " + expectedSeconds + " s");
    }
}
