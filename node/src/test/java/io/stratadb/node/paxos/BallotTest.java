package io.stratadb.node.paxos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BallotTest {

    @Test
    void ballotsOrderByTimeThenNodeId() {
        assertTrue(new Ballot(2, 1).isAfter(new Ballot(1, 9)));
        assertTrue(new Ballot(2, 2).isAfter(new Ballot(2, 1)));
        assertTrue(new Ballot(1, -5).isAfter(Ballot.NONE));
        assertEquals(0, new Ballot(3, 3).compareTo(new Ballot(3, 3)));
    }

    @Test
    void aGeneratorNeverRepeatsEvenWhenItsClockStallsOrStepsBack() {
        AtomicLong clock = new AtomicLong(1000);
        BallotGenerator g = new BallotGenerator(clock::get, 7);
        Ballot a = g.next();
        Ballot b = g.next();
        clock.set(500);
        Ballot c = g.next();
        assertTrue(b.isAfter(a) && c.isAfter(b), a + " " + b + " " + c);
        assertEquals(7, c.nodeId());
    }

    @Test
    void aRetryBallotIsAboveTheOneAnAcceptorReported() {
        BallotGenerator g = new BallotGenerator(() -> 1000, 1);
        Ballot seen = new Ballot(5000, 99);
        Ballot next = g.nextAbove(seen);
        assertTrue(next.isAfter(seen));
        assertEquals(5001, next.micros());
    }

    @Test
    void theCodecRoundTrips() {
        Ballot b = new Ballot(1_700_000_000_123_456L, -42);
        assertEquals(b, Ballot.fromBytes(b.toBytes()));
        assertEquals(Ballot.NONE, Ballot.fromBytes(Ballot.NONE.toBytes()));
        assertThrows(IllegalArgumentException.class, () -> Ballot.fromBytes(new byte[15]));
    }
}
