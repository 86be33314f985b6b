package io.stratadb.storage.compaction;

import io.stratadb.storage.ManualClock;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ThrottleTest {

    @Test
    void limitsTheRateAfterTheBurst() {
        ManualClock clock = ManualClock.atDefaultStart(); // monotonic time is real
        long rate = 20L << 20; // 20 MiB/s
        Throttle throttle = new Throttle(clock, rate);
        long start = System.nanoTime();
        throttle.acquire(rate);          // the one-second burst: immediate
        throttle.acquire(rate / 5);      // then 200 ms worth must wait about 200 ms
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(elapsedMs >= 150, "waited only " + elapsedMs + " ms");
        assertTrue(elapsedMs < 5_000, "waited " + elapsedMs + " ms");
    }

    @Test
    void zeroMeansUnlimited() {
        Throttle throttle = new Throttle(ManualClock.atDefaultStart(), 0);
        assertTrue(throttle.unlimited());
        throttle.acquire(Long.MAX_VALUE / 2);
    }
}
