package io.stratadb.client.routing;

import static io.stratadb.client.routing.Topologies.address;
import static io.stratadb.client.routing.Topologies.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.message.schema.NodeDescription;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologySnapshotTest {
    private static NodeDescription described(int i, String dc, NodeState state, List<Long> tokens) {
        return new NodeDescription("n" + i, address(i), dc, "r1", state, tokens);
    }

    @Test
    void describesNodesPlacementStateAndKeyspaces() {
        TopologySnapshot s = TopologySnapshot.of(Topologies.topology(List.of(
                described(0, "dc1", NodeState.UP, List.of(-100L)),
                described(1, "dc2", NodeState.DOWN, List.of(100L)),
                described(2, "dc2", NodeState.JOINING, List.of())), Topologies.simple("ks", 1)));
        assertEquals(List.of(node(0), node(1), node(2)), s.nodes());
        assertEquals("dc2", s.datacenterOf(node(1)));
        assertNull(s.datacenterOf(node(7)));
        assertTrue(s.reportedDown(node(1)));
        assertFalse(s.reportedDown(node(0)));
        assertTrue(s.hasKeyspace("ks"));
        assertFalse(s.hasKeyspace("other"));
        assertEquals(2, s.ring().size(), "a node without tokens is no part of the ring");
        assertEquals(1, s.replicas("ks", Bytes.ofUtf8("k")).size());
        assertEquals(List.of(), s.replicas("other", Bytes.ofUtf8("k")));
    }

    @Test
    void aPartitionerTheClientCannotComputeLeavesNoRing() {
        TopologySnapshot s = TopologySnapshot.of(new TopologyResult("RandomPartitioner",
                List.of(described(0, "dc1", NodeState.UP, List.of(1L))), List.of(Topologies.simple("ks", 1))));
        assertEquals(List.of(node(0)), s.nodes());
        assertEquals(List.of(), s.replicas("ks", Bytes.ofUtf8("k")));
    }

    @Test
    void twoNodesAtOneAddressAreRefused() {
        NodeDescription a = described(0, "dc1", NodeState.UP, List.of(1L));
        NodeDescription b = new NodeDescription("other", address(0), "dc1", "r1", NodeState.UP, List.of(2L));
        assertThrows(IllegalArgumentException.class, () -> TopologySnapshot.of(Topologies.topology(List.of(a, b))));
    }

    @Test
    void contactPointsAloneHaveNoRing() {
        TopologySnapshot s = TopologySnapshot.ofContactPoints(List.of(node(0)));
        assertEquals(List.of(node(0)), s.nodes());
        assertFalse(s.hasKeyspace("ks"));
        assertEquals(List.of(), s.replicas("ks", Bytes.ofUtf8("k")));
    }
}
