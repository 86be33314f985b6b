package io.stratadb.node.cluster;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceResult;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.ring.Murmur3Partitioner;
import io.stratadb.gossip.state.Endpoint;
import io.stratadb.node.StrataNode;
import io.stratadb.node.coordinator.StorageKeys;
import io.stratadb.node.messaging.MessageFilter;
import io.stratadb.node.testing.ProtocolClient;
import io.stratadb.node.testing.TestCluster;
import io.stratadb.storage.Cell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static io.stratadb.node.cluster.ClusterReplicationTest.get;
import static io.stratadb.node.cluster.ClusterReplicationTest.put;
import static io.stratadb.node.testing.Requests.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Three nodes in one JVM, one of them stopped, partitioned or made stale; each test has its own cluster. */
class ClusterFailureTest {

    @TempDir
    Path dir;
    TestCluster cluster;

    @AfterEach
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aQuorumWriteIsSeenByAQuorumReadWithOneNodeDown() throws IOException {
        cluster = TestCluster.start(dir, 3);
        createKeyspace(0, "ks", 3);
        String downId = cluster.node(2).hostId();
        cluster.stop(2);
        cluster.awaitState(0, downId, NodeState.DOWN);
        cluster.awaitState(1, downId, NodeState.DOWN);
        for (int k = 0; k < 20; k++) {
            try (ProtocolClient c = ProtocolClient.connect(cluster.node(k % 2).clientAddress())) {
                c.expect(put("ks", "key" + k, "v" + k, ConsistencyLevel.QUORUM), PutResult.class);
            }
            try (ProtocolClient c = ProtocolClient.connect(cluster.node((k + 1) % 2).clientAddress())) {
                GetResult got = c.expect(get("ks", "key" + k, ConsistencyLevel.QUORUM), GetResult.class);
                assertEquals(bytes("v" + k), got.result().value());
            }
        }
    }

    @Test
    void allIsUnavailableWithANodeDownAndNothingIsWritten() throws IOException {
        cluster = TestCluster.start(dir, 3);
        createKeyspace(0, "ks", 3);
        String downId = cluster.node(2).hostId();
        cluster.stop(2);
        cluster.awaitState(0, downId, NodeState.DOWN);
        try (ProtocolClient c = ProtocolClient.connect(cluster.node(0).clientAddress())) {
            c.expectError(put("ks", "never", "v", ConsistencyLevel.ALL), ErrorCode.UNAVAILABLE);
            c.expectError(get("ks", "never", ConsistencyLevel.ALL), ErrorCode.UNAVAILABLE);
        }
        assertNull(storedLocally(cluster.node(0), "ks", "never"));
        assertNull(storedLocally(cluster.node(1), "ks", "never"));
    }

    @Test
    void writesMadeWhileANodeWasDownReachItThroughHints() throws IOException {
        cluster = TestCluster.start(dir, 3);
        createKeyspace(0, "ks", 3);
        String downId = cluster.node(2).hostId();
        cluster.stop(2);
        cluster.awaitState(0, downId, NodeState.DOWN);
        try (ProtocolClient c = ProtocolClient.connect(cluster.node(0).clientAddress())) {
            for (int k = 0; k < 25; k++) {
                c.expect(put("ks", "hinted" + k, "v" + k, ConsistencyLevel.QUORUM), PutResult.class);
            }
        }
        TestCluster.await("hints for the down node", () -> cluster.node(0).pendingHints().getOrDefault(downId, 0L) == 25);
        StrataNode back = cluster.restart(2);
        cluster.awaitConverged();
        TestCluster.await("hint delivery", () -> cluster.node(0).pendingHints().isEmpty());
        for (int k = 0; k < 25; k++) {
            Cell c = storedLocally(back, "ks", "hinted" + k);
            assertNotNull(c, "hinted" + k + " reached the returning node");
            assertEquals("v" + k, new String(c.value(), StandardCharsets.UTF_8));
        }
        // And a read at ONE coordinated by that node, which prefers its own copy, sees them.
        try (ProtocolClient c = ProtocolClient.connect(back.clientAddress())) {
            assertEquals(bytes("v7"), c.expect(get("ks", "hinted7", ConsistencyLevel.ONE), GetResult.class).result().value());
        }
    }

    @Test
    void aReadAtAllRepairsAStaleReplicaBeforeAnswering() throws IOException {
        cluster = TestCluster.start(dir, 3, b -> b.hintedHandoffEnabled(false));
        createKeyspace(0, "ks", 3);
        Endpoint from = cluster.node(0).internodeEndpoint();
        Endpoint stale = cluster.node(2).internodeEndpoint();
        MessageFilter.Rule rule = cluster.filter().drop(from, stale, io.stratadb.node.messaging.Verb.MUTATION);
        try (ProtocolClient c = ProtocolClient.connect(cluster.node(0).clientAddress())) {
            c.expect(put("ks", "repaired", "new", ConsistencyLevel.QUORUM), PutResult.class);
            assertNull(storedLocally(cluster.node(2), "ks", "repaired"), "the dropped mutation never arrived");
            rule.lift();
            GetResult got = c.expect(get("ks", "repaired", ConsistencyLevel.ALL), GetResult.class);
            assertEquals(bytes("new"), got.result().value());
        }
        Cell repaired = storedLocally(cluster.node(2), "ks", "repaired");
        assertNotNull(repaired, "read repair wrote the newest value to the stale replica before answering");
        assertEquals("new", new String(repaired.value(), StandardCharsets.UTF_8));
    }

    @Test
    void aPartitionedNodeIsMarkedDownAndUpAgainWhenThePartitionHeals() throws IOException {
        cluster = TestCluster.start(dir, 3);
        Endpoint isolated = cluster.node(2).internodeEndpoint();
        String isolatedId = cluster.node(2).hostId();
        MessageFilter.Rules cut0 = cluster.filter().dropBothWays(cluster.node(0).internodeEndpoint(), isolated);
        MessageFilter.Rules cut1 = cluster.filter().dropBothWays(cluster.node(1).internodeEndpoint(), isolated);
        cluster.awaitState(0, isolatedId, NodeState.DOWN);
        cluster.awaitState(1, isolatedId, NodeState.DOWN);
        cluster.awaitState(2, cluster.node(0).hostId(), NodeState.DOWN);
        cut0.lift();
        cut1.lift();
        cluster.awaitConverged();
    }

    @Test
    void aRestartedNodeKeepsItsIdentityTokensAndData() throws IOException {
        cluster = TestCluster.start(dir, 3);
        createKeyspace(0, "ks", 3);
        try (ProtocolClient c = ProtocolClient.connect(cluster.node(0).clientAddress())) {
            c.expect(put("ks", "kept", "yes", ConsistencyLevel.ALL), PutResult.class);
        }
        String id = cluster.node(1).hostId();
        List<Long> tokens = cluster.node(1).tokens();
        cluster.stop(1);
        cluster.awaitState(0, id, NodeState.DOWN);
        StrataNode back = cluster.restart(1);
        assertEquals(id, back.hostId());
        assertEquals(tokens, back.tokens());
        cluster.awaitConverged();
        assertEquals(tokens, cluster.node(0).clusterView().ring().tokensOf(
                cluster.node(0).clusterView().ring().nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow()));
        assertNotNull(back.schema().keyspace("ks"));
        try (ProtocolClient c = ProtocolClient.connect(back.clientAddress())) {
            assertEquals(bytes("yes"), c.expect(get("ks", "kept", ConsistencyLevel.ONE), GetResult.class).result().value());
        }
    }

    private void createKeyspace(int via, String name, int rf) throws IOException {
        try (ProtocolClient c = ProtocolClient.connect(cluster.node(via).clientAddress())) {
            c.expect(io.stratadb.node.testing.Requests.createKeyspace(name, rf), CreateKeyspaceResult.class);
        }
        for (int i = 0; i < cluster.size(); i++) {
            assertNotNull(cluster.node(i).schema().keyspace(name), "node " + i + " learnt keyspace " + name);
        }
    }

    /** This node's own stored cell for the key (no coordination), or null. */
    static Cell storedLocally(StrataNode node, String keyspace, String key) {
        byte[] userKey = key.getBytes(StandardCharsets.UTF_8);
        long token = new Murmur3Partitioner().tokenValue(userKey);
        String table = node.schema().keyspace(keyspace).table();
        return node.storage().getCell(table, StorageKeys.of(token, userKey));
    }
}
