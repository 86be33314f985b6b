package io.stratadb.client.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.protocol.message.schema.TopologyRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class InFlightRequestsTest {
    private final InFlightRequests inFlight = new InFlightRequests();

    private static PendingRequest request() {
        return new PendingRequest(new TopologyRequest(), 1_000_000_000L);
    }

    @Test
    void registeredRequestsGetDistinctStreamsAndAreFoundByThem() {
        PendingRequest a = request();
        PendingRequest b = request();
        int idA = inFlight.register(a);
        int idB = inFlight.register(b);
        assertNotEquals(idA, idB);
        assertSame(a, inFlight.get(idA));
        assertSame(b, inFlight.get(idB));
        assertEquals(2, inFlight.size());
        assertThrows(IllegalStateException.class, () -> inFlight.register(a), "a request has one stream");
    }

    @Test
    void removingFreesTheStreamAndAnswersNullForUnknownStreams() {
        PendingRequest a = request();
        int id = inFlight.register(a);
        assertSame(a, inFlight.remove(id));
        assertNull(inFlight.remove(id), "a second answer on the same stream finds nothing");
        assertNull(inFlight.get(id));
        assertEquals(0, inFlight.size());
    }

    @Test
    void anOrphanKeepsItsStreamUntilItsLateAnswer() {
        PendingRequest a = request();
        PendingRequest b = request();
        int idA = inFlight.register(a);
        inFlight.register(b);
        assertTrue(inFlight.markOrphaned(a));
        assertFalse(inFlight.markOrphaned(a), "marked once");
        assertEquals(1, inFlight.orphans());
        assertEquals(1, inFlight.live());
        assertEquals(2, inFlight.size(), "the orphan still holds its id");
        inFlight.remove(idA);
        assertEquals(0, inFlight.orphans());
        assertEquals(1, inFlight.live());
    }

    @Test
    void aRequestAnsweredBeforeItsTimeoutIsNotAnOrphan() {
        PendingRequest a = request();
        int id = inFlight.register(a);
        inFlight.remove(id);
        assertFalse(inFlight.markOrphaned(a));
        assertFalse(inFlight.markOrphaned(request()), "never registered");
        assertEquals(0, inFlight.orphans());
    }

    @Test
    void removeAllEmptiesTheTableAndFreesEveryId() {
        PendingRequest a = request();
        PendingRequest b = request();
        inFlight.register(a);
        inFlight.register(b);
        inFlight.markOrphaned(b);
        List<PendingRequest> all = inFlight.removeAll();
        assertEquals(2, all.size());
        assertTrue(all.contains(a) && all.contains(b));
        assertEquals(0, inFlight.size());
        assertEquals(0, inFlight.orphans());
    }
}
