package io.stratadb.gossip.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HeartbeatStateTest {

    @Test
    void aNewGenerationIsTheStartSecondButAlwaysAboveThePreviousOne() {
        assertEquals(1_700_000_000L, HeartbeatState.newGeneration(1_700_000_000_999L, 0));
        assertEquals(1_700_000_001L, HeartbeatState.newGeneration(1_700_000_000_500L, 1_700_000_000L),
                "restart within the same second");
        assertEquals(1_800_000_001L, HeartbeatState.newGeneration(1_700_000_000_000L, 1_800_000_000L),
                "wall clock went backwards");
    }

    @Test
    void aLaterIncarnationOutranksAnyVersionOfAnEarlierOne() {
        assertTrue(new HeartbeatState(2, 1).isNewerThan(new HeartbeatState(1, 1_000_000)));
        assertTrue(new HeartbeatState(1, 6).isNewerThan(new HeartbeatState(1, 5)));
        assertFalse(new HeartbeatState(1, 5).isNewerThan(new HeartbeatState(1, 5)));
    }
}
