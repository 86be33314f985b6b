package io.stratadb.node.cluster;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceResult;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.node.StrataNode;
import io.stratadb.node.testing.ProtocolClient;
import io.stratadb.node.testing.TestCluster;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.stratadb.node.cluster.ClusterReplicationTest.get;
import static io.stratadb.node.cluster.ClusterReplicationTest.put;
import static io.stratadb.node.testing.Requests.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Placement across racks, and the hybrid logical clock of a node whose wall clock is behind. */
class ClusterClocksAndRacksTest {

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
    void aNodeWhoseClockIsBehindStillMakesItsNewWriteWin() throws IOException {
        long behindMicros = 20_000_000; // 20 s, within the HLC's drift bound
        Clock slow = new Clock() {
            @Override
            public long currentTimeMicros() {
                return Clock.system().currentTimeMicros() - behindMicros;
            }

            @Override
            public long nanoTime() {
                return System.nanoTime();
            }
        };
        cluster = TestCluster.start(dir, 3, (i, b) -> b, i -> i == 2 ? slow : Clock.system());
        try (ProtocolClient fast = ProtocolClient.connect(cluster.node(0).clientAddress());
             ProtocolClient lagging = ProtocolClient.connect(cluster.node(2).clientAddress())) {
            fast.expect(io.stratadb.node.testing.Requests.createKeyspace("ks", 3), CreateKeyspaceResult.class);
            fast.expect(put("ks", "k", "first", ConsistencyLevel.ALL), PutResult.class);
            // Node 2 stored "first" as a replica, so its clock has seen that timestamp.
            lagging.expect(put("ks", "k", "second", ConsistencyLevel.ALL), PutResult.class);
            GetResult got = fast.expect(get("ks", "k", ConsistencyLevel.ALL), GetResult.class);
            assertEquals(bytes("second"), got.result().value(), "the later write wins although its node's clock is 20 s behind");
        }
    }

    @Test
    void networkTopologyReplicationPutsEachKeysCopiesOnDifferentRacks() throws IOException {
        cluster = TestCluster.start(dir, 4, (i, b) -> b.rack("rack" + (i % 2)), i -> Clock.system());
        try (ProtocolClient c = ProtocolClient.connect(cluster.node(0).clientAddress())) {
            c.expect(new CreateKeyspaceRequest(new KeyspaceDefinition("racked",
                    new ReplicationSettings.NetworkTopology(Map.of("dc1", 2))), false), CreateKeyspaceResult.class);
            for (int k = 0; k < 40; k++) {
                c.expect(put("racked", "key" + k, "v", ConsistencyLevel.ALL), PutResult.class);
            }
        }
        for (int k = 0; k < 40; k++) {
            Set<String> racks = new HashSet<>();
            int copies = 0;
            for (int i = 0; i < cluster.size(); i++) {
                StrataNode n = cluster.node(i);
                Cell cell = ClusterFailureTest.storedLocally(n, "racked", "key" + k);
                if (cell != null) {
                    copies++;
                    racks.add(n.config().rack());
                }
            }
            assertEquals(2, copies, "key" + k);
            assertEquals(2, racks.size(), "key" + k + " has a copy on each rack");
        }
        assertTrue(cluster.node(3).clusterView().ring().racksIn("dc1").size() == 2);
    }
}
