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
