package io.stratadb.gossip.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusValueTest {

    @Test
    void encodesAndParsesEveryStatus() {
        for (NodeStatus s : NodeStatus.values()) {
            assertEquals(Optional.of(StatusValue.of(s)), StatusValue.parse(StatusValue.of(s).encode()));
        }
        StatusValue left = StatusValue.left(1_700_000_000_000L);
        assertEquals("LEFT,1700000000000", left.encode());
        assertEquals(Optional.of(left), StatusValue.parse("LEFT,1700000000000"));
    }

    @Test
    void unreadableValuesParseToEmpty() {
        for (String bad : new String[] {"", "normal", "NORMAL,5", "LEFT,", "LEFT,x", "LEFT,-1", "REMOVED"}) {
            assertTrue(StatusValue.parse(bad).isEmpty(), bad);
        }
        assertTrue(StatusValue.parse(null).isEmpty());
    }

    @Test
    void onlyLeftCarriesAnExpiry() {
        assertThrows(IllegalArgumentException.class, () -> new StatusValue(NodeStatus.NORMAL, 5));
        assertThrows(IllegalArgumentException.class, () -> StatusValue.left(-2));
    }
}
