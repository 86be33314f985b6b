package io.stratadb.node.coordinator;

import io.stratadb.node.testing.ManualClock;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MonotonicTimestampSourceTest {

    @Test
    void followsTheClockButNeverRepeatsOrGoesBack() {
        ManualClock clock = new ManualClock(1_000_000);
        MonotonicTimestampSource ts = new MonotonicTimestampSource(clock);
        assertEquals(1_000_000, ts.nextTimestampMicros());
        assertEquals(1_000_001, ts.nextTimestampMicros(), "clock did not move");
        clock.setMicros(500_000);
        assertEquals(1_000_002, ts.nextTimestampMicros(), "clock went back");
        clock.setMicros(2_000_000);
        assertEquals(2_000_000, ts.nextTimestampMicros());
    }

    @Test
    void concurrentCallersGetDistinctTimestamps() {
        MonotonicTimestampSource ts = new MonotonicTimestampSource(new ManualClock(7));
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 40_000).parallel().forEach(i -> seen.add(ts.nextTimestampMicros()));
        assertEquals(40_000, seen.size());
    }
}
