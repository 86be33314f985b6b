package io.stratadb.node.cluster;

import io.stratadb.client.StrataClient;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.node.testing.TestCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The Java client, token-aware, against a real three-node cluster that loses a node mid-way. */
class ClusterClientTest {

    @TempDir
    Path dir;
    TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void theClientKeepsWorkingAtQuorumWhenANodeGoesDown() {
        cluster = TestCluster.start(dir, 3);
        String contact = "127.0.0.1:" + cluster.node(0).clientAddress().getPort();
        try (StrataClient client = StrataClient.builder().contactPoints(contact).defaultKeyspace("app")
                .defaultConsistency(ConsistencyLevel.QUORUM).requestTimeout(Duration.ofSeconds(5)).build()) {
            client.createKeyspace("app", 3);
            for (int k = 0; k < 100; k++) {
                client.put("key" + k, "v" + k);
            }
            String downId = cluster.node(2).hostId();
            cluster.stop(2);
            cluster.awaitState(0, downId, NodeState.DOWN);
            cluster.awaitState(1, downId, NodeState.DOWN);
            for (int k = 0; k < 100; k++) {
                assertEquals("v" + k, new String(client.get("key" + k).value()), "key" + k);
            }
            for (int k = 100; k < 150; k++) {
                client.put("key" + k, "v" + k);
            }
            for (int k = 100; k < 150; k++) {
                assertEquals("v" + k, new String(client.get("key" + k).value()), "key" + k);
            }
        }
    }
}
