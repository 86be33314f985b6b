package io.stratadb.client.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExponentialBackoffTest {
    private static final long MS = 1_000_000L;

    @Test
    void doublesPerFailureUpToTheMaximum() {
        ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.5);
        assertEquals(100 * MS, backoff.delayNanos(0));
        assertEquals(200 * MS, backoff.delayNanos(1));
        assertEquals(400 * MS, backoff.delayNanos(2));
        assertEquals(800 * MS, backoff.delayNanos(3));
        assertEquals(1000 * MS, backoff.delayNanos(4));
        assertEquals(1000 * MS, backoff.delayNanos(1000), "no overflow however many failures");
        assertEquals(1000 * MS, backoff.delayNanos(Integer.MAX_VALUE));
    }

    @Test
    void jitterStaysWithinFifteenPercent() {
        Random random = new Random(42);
        ExponentialBackoff backoff = new ExponentialBackoff(Duration.ofMillis(100), Duration.ofSeconds(1),
                random::nextDouble);
        for (int i = 0; i < 1000; i++) {
            long d = backoff.delayNanos(0);
            assertTrue(d >= 85 * MS && d <= 115 * MS, "delay " + d);
        }
        assertEquals(85 * MS, new ExponentialBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), () -> 0.0)
                .delayNanos(0));
    }

    @Test
    void refusesABaseAboveTheMaximum() {
        assertThrows(IllegalArgumentException.class,
                () -> new ExponentialBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), () -> 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> new ExponentialBackoff(Duration.ZERO, Duration.ofSeconds(1), () -> 0.5));
    }
}
