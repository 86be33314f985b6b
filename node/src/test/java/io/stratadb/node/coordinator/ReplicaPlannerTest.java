package io.stratadb.node.coordinator;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.message.error.UnavailableDetails;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.TokenRing;
import io.stratadb.node.cluster.ClusterView;
import io.stratadb.node.errors.RequestException;
import io.stratadb.node.schema.KeyspaceMetadata;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Consistency arithmetic against cluster snapshots, with no sockets. */
class ReplicaPlannerTest {

    private static NodeInfo node(String id, String dc, String rack) {
        return new NodeInfo(id, new InetSocketAddress("127.0.0.1", 9000), dc, rack);
    }

    private static final NodeInfo A = node("a", "dc1", "r1");
    private static final NodeInfo B = node("b", "dc1", "r2");
    private static final NodeInfo C = node("c", "dc1", "r3");
    private static final NodeInfo D = node("d", "dc2", "r1");

    private static KeyspaceMetadata simple(int rf) {
        return new KeyspaceMetadata(new KeyspaceDefinition("ks", new ReplicationSettings.Simple(rf)), "ks_1");
    }

    private static KeyspaceMetadata nts(Map<String, Integer> rfs) {
        return new KeyspaceMetadata(new KeyspaceDefinition("ks", new ReplicationSettings.NetworkTopology(rfs)), "ks_1");
    }

    private static ClusterView alone() {
        return ClusterView.alone(A, List.of(0L, 1L << 40));
    }

    /** Four nodes (three in dc1, one in dc2); those in {@code down} are DOWN. */
    private static ClusterView four(String... down) {
        Map<NodeInfo, List<Long>> tokens = Map.of(A, List.of(-100L), B, List.of(0L), C, List.of(100L), D, List.of(200L));
        Map<String, NodeState> states = new HashMap<>();
        for (NodeInfo n : tokens.keySet()) {
            states.put(n.id(), NodeState.UP);
        }
        for (String id : down) {
            states.put(id, NodeState.DOWN);
        }
        return new ClusterView(A, TokenRing.of(tokens), states);
    }

    private static UnavailableDetails unavailable(Runnable r) {
        RequestException e = assertThrows(RequestException.class, r::run);
        assertEquals(ErrorCode.UNAVAILABLE, e.code());
        return (UnavailableDetails) e.response().details();
    }

    @Test
    void oneNodeWithReplicationFactorThreeServesOneButNotQuorum() {
        ReplicaPlan one = ReplicaPlanner.forWrite(alone(), simple(3), 42, ConsistencyLevel.ONE);
        assertEquals(1, one.blockFor());
        assertEquals(List.of(A), one.contacts());
        assertEquals(new UnavailableDetails(ConsistencyLevel.QUORUM, 2, 1),
                unavailable(() -> ReplicaPlanner.forWrite(alone(), simple(3), 42, ConsistencyLevel.QUORUM)));
        assertEquals(new UnavailableDetails(ConsistencyLevel.ALL, 3, 1),
                unavailable(() -> ReplicaPlanner.forRead(alone(), simple(3), 42, ConsistencyLevel.ALL)));
        assertEquals(new UnavailableDetails(ConsistencyLevel.LOCAL_QUORUM, 2, 1),
                unavailable(() -> ReplicaPlanner.forRead(alone(), simple(3), 42, ConsistencyLevel.LOCAL_QUORUM)));
        assertEquals(1, ReplicaPlanner.forWrite(alone(), simple(1), 42, ConsistencyLevel.QUORUM).blockFor());
        assertEquals(1, ReplicaPlanner.forWrite(alone(), simple(3), 42, ConsistencyLevel.ANY).blockFor());
    }

    @Test
    void levelsThatDoNotApplyToTheOperationAreInvalid() {
        for (Runnable r : List.<Runnable>of(
                () -> ReplicaPlanner.forRead(alone(), simple(1), 1, ConsistencyLevel.ANY),
                () -> ReplicaPlanner.forRead(alone(), simple(1), 1, ConsistencyLevel.SERIAL),
                () -> ReplicaPlanner.forWrite(alone(), simple(1), 1, ConsistencyLevel.SERIAL),
                () -> ReplicaPlanner.forWrite(alone(), simple(1), 1, ConsistencyLevel.LOCAL_SERIAL))) {
            assertEquals(ErrorCode.INVALID_REQUEST, assertThrows(RequestException.class, r::run).code());
        }
    }

    @Test
    void writesGoToEveryLiveReplicaAndReadsToTheNearestFew() {
        ClusterView view = four("b");
        // Token 50 falls in C's range; SimpleStrategy(3) takes C, D, A.
        ReplicaPlan write = ReplicaPlanner.forWrite(view, simple(3), 50, ConsistencyLevel.QUORUM);
        assertEquals(List.of(C, D, A), write.natural());
        assertEquals(List.of(C, D, A), write.contacts());
        assertEquals(2, write.blockFor());
        ReplicaPlan read = ReplicaPlanner.forRead(view, simple(3), 50, ConsistencyLevel.QUORUM);
        assertEquals(List.of(A, C), read.contacts(), "this node first, then its datacenter");
        // Token -50 (B's range): B, C, D; B is down.
        assertEquals(new UnavailableDetails(ConsistencyLevel.ALL, 3, 2),
                unavailable(() -> ReplicaPlanner.forWrite(view, simple(3), -50, ConsistencyLevel.ALL)));
    }

    @Test
    void datacenterLevelsCountOnlyTheirDatacenters() {
        KeyspaceMetadata ks = nts(Map.of("dc1", 2, "dc2", 1));
        ClusterView view = four();
        assertEquals(2, ReplicaPlanner.forWrite(view, ks, 50, ConsistencyLevel.LOCAL_QUORUM).blockFor());
        assertEquals(3, ReplicaPlanner.forWrite(view, ks, 50, ConsistencyLevel.EACH_QUORUM).blockFor());
        assertEquals(new UnavailableDetails(ConsistencyLevel.EACH_QUORUM, 1, 0),
                unavailable(() -> ReplicaPlanner.forWrite(four("d"), ks, 50, ConsistencyLevel.EACH_QUORUM)));
        assertEquals(2, ReplicaPlanner.forWrite(four("d"), ks, 50, ConsistencyLevel.LOCAL_QUORUM).blockFor());
        KeyspaceMetadata remoteOnly = nts(Map.of("dc2", 1));
        assertEquals(new UnavailableDetails(ConsistencyLevel.LOCAL_ONE, 1, 0),
                unavailable(() -> ReplicaPlanner.forRead(view, remoteOnly, 50, ConsistencyLevel.LOCAL_ONE)));
        assertEquals(new UnavailableDetails(ConsistencyLevel.LOCAL_QUORUM, 1, 0),
                unavailable(() -> ReplicaPlanner.forRead(view, remoteOnly, 50, ConsistencyLevel.LOCAL_QUORUM)));
        assertEquals(1, ReplicaPlanner.forRead(view, remoteOnly, 50, ConsistencyLevel.ONE).blockFor());
    }
}
