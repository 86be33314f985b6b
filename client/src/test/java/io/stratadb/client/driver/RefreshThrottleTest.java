package io.stratadb.client.driver;

import static io.stratadb.client.driver.RefreshThrottle.NOTHING_TO_DO;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RefreshThrottleTest {
    private static final long MIN = 1_000;

    private final RefreshThrottle throttle = new RefreshThrottle(MIN);

    @Test
    void theFirstRequestStartsAFetchAtOnce() {
        assertEquals(0, throttle.request(5));
        assertTrue(throttle.isRunning());
    }

    @Test
    void requestsDuringAFetchMakeExactlyOneMoreAfterIt() {
        assertEquals(0, throttle.request(0));
        assertEquals(NOTHING_TO_DO, throttle.request(10));
        assertEquals(NOTHING_TO_DO, throttle.request(20));
        assertEquals(MIN - 100, throttle.finished(100), "deferred to one interval after the last start");
        assertFalse(throttle.isRunning());
        assertEquals(NOTHING_TO_DO, throttle.request(200), "already deferred");
        assertTrue(throttle.deferredDue(MIN));
        assertTrue(throttle.isRunning());
        assertEquals(NOTHING_TO_DO, throttle.finished(MIN + 50), "nothing asked meanwhile");
    }

    @Test
    void aRequestLongAfterTheLastFetchStartsAtOnce() {
        assertEquals(0, throttle.request(0));
        assertEquals(NOTHING_TO_DO, throttle.finished(10));
        assertEquals(MIN - 500, throttle.request(500), "too soon: deferred");
        assertTrue(throttle.deferredDue(MIN));
        throttle.finished(MIN + 10);
        assertEquals(0, throttle.request(3 * MIN));
    }

    @Test
    void aDeferredFetchIsStartedOnlyOnce() {
        throttle.request(0);
        throttle.finished(1);
        throttle.request(2);
        assertTrue(throttle.deferredDue(MIN));
        assertFalse(throttle.deferredDue(MIN), "a second timer firing does nothing");
    }
}
