package io.stratadb.node.coordinator;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.ring.NodeInfo;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which acknowledgements count toward each consistency level. */
class AckTrackerTest {

    private static NodeInfo in(String dc, String id) {
        return new NodeInfo(id, new InetSocketAddress("127.0.0.1", 1), dc, "r1");
    }

    @Test
    void localQuorumCountsOnlyTheLocalDatacenter() {
        AckTracker t = new AckTracker(ConsistencyLevel.LOCAL_QUORUM, 2, "dc1", Map.of());
        assertFalse(t.ack(in("dc2", "x")));
        assertFalse(t.ack(in("dc2", "y")));
        assertFalse(t.ack(in("dc1", "a")));
        assertTrue(t.ack(in("dc1", "b")));
        assertEquals(2, t.received());
    }

    @Test
    void eachQuorumNeedsEveryDatacentersQuorum() {
        AckTracker t = new AckTracker(ConsistencyLevel.EACH_QUORUM, 4, "dc1", Map.of("dc1", 2, "dc2", 2));
        assertFalse(t.ack(in("dc1", "a")));
        assertFalse(t.ack(in("dc1", "b")));
        assertFalse(t.ack(in("dc1", "c")), "a third dc1 ack does not stand in for dc2");
        assertFalse(t.ack(in("dc2", "x")));
        assertTrue(t.ack(in("dc2", "y")));
    }

    @Test
    void quorumCountsAnyReplicaAndReportsMetOnlyOnce() {
        AckTracker t = new AckTracker(ConsistencyLevel.QUORUM, 2, "dc1", Map.of());
        assertFalse(t.ack(in("dc2", "x")));
        assertTrue(t.ack(in("dc1", "a")));
        assertFalse(t.ack(in("dc1", "b")), "already met");
        assertTrue(t.isMet());
    }
}
