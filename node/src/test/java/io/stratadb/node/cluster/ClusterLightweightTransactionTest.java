package io.stratadb.node.cluster;

import io.stratadb.client.CasResult;
import io.stratadb.client.RequestOptions;
import io.stratadb.client.StrataClient;
import io.stratadb.client.exception.UnavailableException;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.node.testing.TestCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Compare-and-set and serial reads through the Java client on a real three-node cluster. */
class ClusterLightweightTransactionTest {

    private static final RequestOptions SERIAL = RequestOptions.defaults().withConsistency(ConsistencyLevel.SERIAL);

    @TempDir
    Path dir;
    TestCluster cluster;

    @AfterEach
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private StrataClient client(int node) {
        return StrataClient.builder().contactPoints("127.0.0.1:" + cluster.node(node).clientAddress().getPort())
                .defaultKeyspace("lwt").defaultConsistency(ConsistencyLevel.QUORUM)
                .requestTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void everySerialOperationAppliesOnlyWhenItsConditionHolds() {
        cluster = TestCluster.start(dir, 3);
        try (StrataClient c = client(0)) {
            c.createKeyspace("lwt", 3);
            assertTrue(c.putIfAbsent("k", "one").applied());
            CasResult again = c.putIfAbsent("k", "two");
            assertFalse(again.applied());
            assertEquals("one", again.currentValueAsString());

            CasResult wrong = c.compareAndSet("k", "nope", "three");
            assertFalse(wrong.applied());
            assertEquals("one", wrong.currentValueAsString());
            assertTrue(c.compareAndSet("k", "one", "three").applied());
            assertEquals("three", new String(c.get("k", SERIAL).value()));
            // The committed value is ordinary data too: a QUORUM read sees it.
            assertEquals("three", new String(c.get("k").value()));

            assertFalse(c.deleteIf("k", "one").applied());
            assertTrue(c.deleteIf("k", "three").applied());
            assertFalse(c.get("k", SERIAL).isPresent());
            CasResult absent = c.compareAndSet("k", "three", "four");
            assertFalse(absent.applied());
            assertNull(absent.currentValue(), "the key is absent");

            assertTrue(c.serialPut("k", "five").applied());
            assertEquals("five", new String(c.get("k", SERIAL).value()));
        }
        // Any node coordinates the same key consistently.
        try (StrataClient other = client(2)) {
            assertEquals("five", new String(other.get("k", SERIAL).value()));
            assertTrue(other.compareAndSet("k", "five", "six").applied());
        }
    }

    @Test
    void aRestartedNodeThatKnowsNoPeerYetDoesNotTakeItselfForAMajority() throws Exception {
        cluster = TestCluster.start(dir, 3);
        try (StrataClient c = client(0)) {
            c.createKeyspace("lwt", 3);
            assertTrue(c.putIfAbsent("r", "first").applied());
        }
        io.stratadb.gossip.state.Endpoint seed = cluster.node(0).internodeEndpoint();
        cluster.stop(0);
        // Node 0 (the seed) comes back cut off: it hears from nobody, so its ring holds only itself.
        cluster.filter().drop(seed, null);
        cluster.filter().drop(null, seed);
        cluster.restart(0);
        try (ProtocolClientHolder only = new ProtocolClientHolder(cluster.node(0).clientAddress())) {
            var error = only.client.expectError(new io.stratadb.client.protocol.message.data.GetRequest("lwt",
                    ConsistencyLevel.SERIAL, io.stratadb.client.protocol.Bytes.ofUtf8("r")),
                    io.stratadb.client.protocol.ErrorCode.UNAVAILABLE);
            assertTrue(error.message().contains("SERIAL"), error.message());
        }
        cluster.filter().clear();
        cluster.awaitConverged();
        try (StrataClient c = client(0)) {
            assertEquals("first", new String(c.get("r", SERIAL).value()));
        }
    }

    /** A raw protocol connection to one node, so the request cannot be routed elsewhere. */
    private static final class ProtocolClientHolder implements AutoCloseable {
        final io.stratadb.node.testing.ProtocolClient client;

        ProtocolClientHolder(java.net.InetSocketAddress address) throws java.io.IOException {
            client = io.stratadb.node.testing.ProtocolClient.connect(address);
        }

        @Override
        public void close() throws java.io.IOException {
            client.close();
        }
    }

    @Test
    void aQuorumOfReplicasIsEnoughAndLessIsUnavailable() {
        cluster = TestCluster.start(dir, 3);
        try (StrataClient c = client(0)) {
            c.createKeyspace("lwt", 3);
            String down2 = cluster.node(2).hostId();
            cluster.stop(2);
            cluster.awaitState(0, down2, NodeState.DOWN);
            assertTrue(c.putIfAbsent("q", "v").applied());
            String down1 = cluster.node(1).hostId();
            cluster.stop(1);
            cluster.awaitState(0, down1, NodeState.DOWN);
            assertThrows(UnavailableException.class, () -> c.compareAndSet("q", "v", "w"));
            assertThrows(UnavailableException.class, () -> c.get("q", SERIAL));
        }
    }
}
