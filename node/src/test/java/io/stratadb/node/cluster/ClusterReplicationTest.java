package io.stratadb.node.cluster;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.message.data.GetRequest;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.client.protocol.message.data.PutRequest;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.data.ScanRequest;
import io.stratadb.client.protocol.message.data.ScanResult;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceResult;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.protocol.message.schema.TopologyRequest;
import io.stratadb.client.protocol.message.schema.TopologyResult;
import io.stratadb.client.ring.Murmur3Partitioner;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.node.StrataNode;
import io.stratadb.node.coordinator.StorageKeys;
import io.stratadb.node.testing.ProtocolClient;
import io.stratadb.node.testing.TestCluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import static io.stratadb.node.testing.Requests.bytes;
import static io.stratadb.node.testing.Requests.createKeyspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three nodes in one JVM with every node up: ring balance, schema reaching every node, replica placement
 * per replication factor, and scans across the ring. Failure cases are in {@link ClusterFailureTest}.
 */
class ClusterReplicationTest {

    @TempDir
    static Path dir;
    static TestCluster cluster;

    @BeforeAll
    static void startCluster() {
        cluster = TestCluster.start(dir, 3);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void threeNodesWithSixteenTokensEachShareTheRingEvenly() {
        Map<NodeInfo, Double> shares = cluster.node(0).clusterView().ring().ownership();
        assertEquals(3, shares.size(), "ring: " + shares);
        for (Map.Entry<NodeInfo, Double> e : shares.entrySet()) {
            assertEquals(16, cluster.node(0).clusterView().ring().tokensOf(e.getKey()).size());
            assertTrue(e.getValue() <= 0.40, e.getKey() + " owns " + e.getValue() + " of the ring: " + shares);
        }
        // Every node sees the same ring.
        for (int i = 1; i < 3; i++) {
            assertEquals(cluster.node(0).clusterView().ring().ownership(), cluster.node(i).clusterView().ring().ownership());
        }
    }

    @Test
    void aKeyspaceCreatedOnOneNodeIsUsableThroughEveryOtherAtOnce() throws IOException {
        try (ProtocolClient c = ProtocolClient.connect(cluster.node(0).clientAddress())) {
            c.expect(createKeyspace("spread", 3), CreateKeyspaceResult.class);
        }
        for (int i = 1; i < 3; i++) {
            try (ProtocolClient c = ProtocolClient.connect(cluster.node(i).clientAddress())) {
                c.expect(put("spread", "k" + i, "v" + i, ConsistencyLevel.ALL), PutResult.class);
            }
        }
        for (int i = 0; i < 3; i++) {
            assertNotNull(cluster.node(i).schema().keyspace("spread"), "node " + i + " has the keyspace");
        }
    }

    @Test
    void eachReplicationFactorPlacesExactlyThatManyCopies() throws IOException {
        for (int rf = 1; rf <= 3; rf++) {
            String ks = "rf" + rf;
            try (ProtocolClient c = ProtocolClient.connect(cluster.node(rf - 1).clientAddress())) {
                c.expect(createKeyspace(ks, rf), CreateKeyspaceResult.class);
                for (int k = 0; k < 30; k++) {
                    c.expect(put(ks, "key" + k, "v", ConsistencyLevel.ALL), PutResult.class);
                }
            }
            for (int k = 0; k < 30; k++) {
                assertEquals(rf, copies(ks, "key" + k), ks + " key" + k);
            }
        }
    }

    @Test
    void topologyListsEveryNodeUpWithItsTokens() throws IOException {
        try (ProtocolClient c = ProtocolClient.connect(cluster.node(2).clientAddress())) {
            TopologyResult t = c.expect(new TopologyRequest(), TopologyResult.class);
            assertEquals(3, t.nodes().size());
            t.nodes().forEach(n -> {
                assertEquals(NodeState.UP, n.state());
                assertEquals(16, n.tokens().size());
            });
        }
    }

    @Test
    void aScanThroughAnyNodeReturnsEveryKeyOnceInTokenOrder() throws IOException {
        try (ProtocolClient c = ProtocolClient.connect(cluster.node(0).clientAddress())) {
            c.expect(createKeyspace("scanned", 2), CreateKeyspaceResult.class);
            for (int k = 0; k < 200; k++) {
                c.expect(put("scanned", "key" + k, "v" + k, ConsistencyLevel.QUORUM), PutResult.class);
            }
        }
        Murmur3Partitioner partitioner = new Murmur3Partitioner();
        for (int i = 0; i < 3; i++) {
            try (ProtocolClient c = ProtocolClient.connect(cluster.node(i).clientAddress())) {
                List<String> seen = new ArrayList<>();
                Optional<io.stratadb.client.protocol.Bytes> paging = Optional.empty();
                do {
                    ScanResult page = c.expect(new ScanRequest("scanned", ConsistencyLevel.QUORUM, paging, 37),
                            ScanResult.class);
                    page.rows().forEach(r -> seen.add(new String(r.key().toArray())));
                    paging = page.nextPagingKey();
                } while (paging.isPresent());
                assertEquals(200, seen.size(), "through node " + i);
                assertEquals(200, new HashSet<>(seen).size(), "no key twice");
                for (int j = 1; j < seen.size(); j++) {
                    assertTrue(partitioner.tokenValue(seen.get(j - 1).getBytes())
                            <= partitioner.tokenValue(seen.get(j).getBytes()), "token order at " + j);
                }
            }
        }
    }

    @Test
    void anEmptyKeyIsRefused() throws IOException {
        try (ProtocolClient c = ProtocolClient.connect(cluster.node(1).clientAddress())) {
            c.expect(createKeyspace("nokey", 1), CreateKeyspaceResult.class);
            c.expectError(new PutRequest("nokey", ConsistencyLevel.ONE, bytes(""), bytes("v")), ErrorCode.INVALID_REQUEST);
        }
    }

    /** How many nodes hold {@code key} of {@code keyspace} in their own storage. */
    static int copies(String keyspace, String key) {
        int n = 0;
        for (int i = 0; i < cluster.size(); i++) {
            if (ClusterFailureTest.storedLocally(cluster.node(i), keyspace, key) != null) {
                n++;
            }
        }
        return n;
    }

    static PutRequest put(String ks, String key, String value, ConsistencyLevel cl) {
        return new PutRequest(ks, cl, bytes(key), bytes(value), OptionalInt.empty(), OptionalLong.empty());
    }

    static GetRequest get(String ks, String key, ConsistencyLevel cl) {
        return new GetRequest(ks, cl, bytes(key));
    }
}
