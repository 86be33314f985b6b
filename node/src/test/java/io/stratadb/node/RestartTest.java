package io.stratadb.node;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.message.data.DeleteRequest;
import io.stratadb.client.protocol.message.data.DeleteResult;
import io.stratadb.client.protocol.message.data.GetResult;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceResult;
import io.stratadb.client.protocol.message.schema.DropKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.DropKeyspaceResult;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.ListKeyspacesRequest;
import io.stratadb.client.protocol.message.schema.ListKeyspacesResult;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.node.config.ConfigException;
import io.stratadb.node.config.NodeConfig;
import io.stratadb.node.testing.ProtocolClient;
import io.stratadb.node.testing.TestNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.stratadb.node.testing.Requests.bytes;
import static io.stratadb.node.testing.Requests.createKeyspace;
import static io.stratadb.node.testing.Requests.get;
import static io.stratadb.node.testing.Requests.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node restarted on its directory is the same node: data, keyspaces, host id and tokens. */
class RestartTest {

    @TempDir
    Path dir;

    @Test
    void restartKeepsDataKeyspacesAndIdentity() throws Exception {
        NodeConfig config = TestNodes.config(dir).build();
        KeyspaceDefinition nts = new KeyspaceDefinition("nts", new ReplicationSettings.NetworkTopology(Map.of("dc1", 1)));
        String hostId;
        List<Long> tokens;
        UUID schemaVersion;
        try (StrataNode node = new StrataNode(config)) {
            node.start();
            try (ProtocolClient c = ProtocolClient.connect(node.clientAddress())) {
                c.expect(createKeyspace("ks", 1), CreateKeyspaceResult.class);
                c.expect(new CreateKeyspaceRequest(nts, false), CreateKeyspaceResult.class);
                c.expect(createKeyspace("doomed", 1), CreateKeyspaceResult.class);
                for (int i = 0; i < 50; i++) {
                    c.expect(put("ks", "k" + i, "v" + i), PutResult.class);
                }
                c.expect(new DeleteRequest("ks", ConsistencyLevel.ONE, bytes("k7")), DeleteResult.class);
                c.expect(put("nts", "a", "b"), PutResult.class);
                c.expect(put("doomed", "x", "y"), PutResult.class);
                c.expect(new DropKeyspaceRequest("doomed", false), DropKeyspaceResult.class);
            }
            hostId = node.hostId();
            tokens = node.tokens();
            schemaVersion = node.schema().version();
        }
        try (StrataNode node = new StrataNode(config)) {
            node.start();
            assertEquals(hostId, node.hostId());
            assertEquals(tokens, node.tokens());
            assertEquals(schemaVersion, node.schema().version());
            try (ProtocolClient c = ProtocolClient.connect(node.clientAddress())) {
                List<KeyspaceDefinition> listed = c.expect(new ListKeyspacesRequest(), ListKeyspacesResult.class).keyspaces();
                assertEquals(List.of(new KeyspaceDefinition("ks", new ReplicationSettings.Simple(1)), nts), listed);
                for (int i = 0; i < 50; i++) {
                    GetResult got = c.expect(get("ks", "k" + i), GetResult.class);
                    assertEquals(i != 7, got.result().found(), "k" + i);
                }
                assertEquals(bytes("b"), c.expect(get("nts", "a"), GetResult.class).result().value());
                // The dropped keyspace stays dropped, and a new one of that name starts empty.
                c.expect(createKeyspace("doomed", 1), CreateKeyspaceResult.class);
                assertFalse(c.expect(get("doomed", "x"), GetResult.class).result().found());
            }
        }
    }

    @Test
    void theDirectoryRefusesAnotherClusterOrTokenCount() {
        NodeConfig config = TestNodes.config(dir).build();
        try (StrataNode node = new StrataNode(config)) {
            node.start();
        }
        ConfigException tokens = assertThrows(ConfigException.class,
                () -> new StrataNode(config.toBuilder().numTokens(8).build()).start());
        assertEquals("num_tokens", tokens.setting());
        ConfigException cluster = assertThrows(ConfigException.class,
                () -> new StrataNode(config.toBuilder().clusterName("Other").build()).start());
        assertEquals("cluster_name", cluster.setting());
        // Refusing did not damage anything.
        try (StrataNode node = new StrataNode(config)) {
            node.start();
            assertTrue(node.isRunning());
        }
    }

    @Test
    void threeNodesLiveInOneJvm() throws Exception {
        StrataNode[] nodes = new StrataNode[3];
        try {
            for (int i = 0; i < 3; i++) {
                nodes[i] = new StrataNode(TestNodes.config(dir.resolve("n" + i)).build());
                nodes[i].start();
            }
            for (int i = 0; i < 3; i++) {
                try (ProtocolClient c = ProtocolClient.connect(nodes[i].clientAddress())) {
                    c.expect(createKeyspace("ks", 1), CreateKeyspaceResult.class);
                    c.expect(put("ks", "who", "node" + i), PutResult.class);
                }
            }
            for (int i = 0; i < 3; i++) {
                try (ProtocolClient c = ProtocolClient.connect(nodes[i].clientAddress())) {
                    assertEquals(bytes("node" + i), c.expect(get("ks", "who"), GetResult.class).result().value());
                }
            }
            assertNotEquals(nodes[0].hostId(), nodes[1].hostId());
            assertNotEquals(nodes[0].clientAddress(), nodes[1].clientAddress());
        } finally {
            for (StrataNode n : nodes) {
                if (n != null) {
                    n.close();
                }
            }
        }
    }
}
