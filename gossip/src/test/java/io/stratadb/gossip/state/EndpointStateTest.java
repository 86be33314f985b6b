package io.stratadb.gossip.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointStateTest {

    private final EndpointState state = EndpointState.of(new HeartbeatState(100, 7))
            .with(ApplicationState.TOKENS, new VersionedValue("t", 3))
            .with(ApplicationState.STATUS, new VersionedValue("NORMAL", 9));

    @Test
    void maxVersionCoversHeartbeatAndValues() {
        assertEquals(9, state.maxVersion());
        assertEquals(12, state.withHeartbeat(new HeartbeatState(100, 12)).maxVersion());
    }

    @Test
    void newerThanKeepsTheHeartbeatAndOnlyNewerValues() {
        EndpointState delta = state.newerThan(5);
        assertEquals(state.heartbeat(), delta.heartbeat());
        assertEquals(Map.of(ApplicationState.STATUS, new VersionedValue("NORMAL", 9)), delta.states());
        assertTrue(state.newerThan(9).states().isEmpty());
        assertEquals(state, state.newerThan(0));
    }

    @Test
    void isImmutable() {
        Map<ApplicationState, VersionedValue> source = new HashMap<>();
        source.put(ApplicationState.RACK, new VersionedValue("r", 1));
        EndpointState s = new EndpointState(new HeartbeatState(1, 1), source);
        source.clear();
        assertEquals(1, s.states().size());
        assertThrows(UnsupportedOperationException.class, () -> s.states().clear());
    }

    @Test
    void deadStatesAreLeftAndShutdown() {
        assertFalse(state.isDeadState());
        assertTrue(state.with(ApplicationState.STATUS, new VersionedValue("SHUTDOWN", 10)).isDeadState());
        assertTrue(state.with(ApplicationState.STATUS, new VersionedValue("LEFT,123", 10)).isDeadState());
        assertFalse(state.with(ApplicationState.STATUS, new VersionedValue("GIBBERISH", 10)).isDeadState());
    }
}
