package io.stratadb.node.coordinator;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.ErrorCode;
import io.stratadb.client.protocol.message.schema.KeyspaceDefinition;
import io.stratadb.client.protocol.message.schema.NodeState;
import io.stratadb.client.protocol.message.schema.ReplicationSettings;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.client.ring.TokenRing;
import io.stratadb.node.cluster.ClusterState;
import io.stratadb.node.cluster.ClusterView;
import io.stratadb.node.errors.RequestException;
import io.stratadb.node.schema.KeyspaceMetadata;
import io.stratadb.node.schema.Schema;
import io.stratadb.node.testing.ManualRequestTimer;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static io.stratadb.node.coordinator.ScriptedReplicas.Kind.APPLY;
import static io.stratadb.node.coordinator.ScriptedReplicas.Kind.DIGEST;
import static io.stratadb.node.coordinator.ScriptedReplicas.Kind.READ;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coordinator's write, read, read-repair, hint and speculation rules against scripted replicas and a
 * manual timer: every answer, failure and timeout happens when the test says.
 */
class ReplicaCoordinatorTest {

    private static NodeInfo node(String id) {
        return new NodeInfo(id, new InetSocketAddress("127.0.0.1", 9000), "dc1", "r-" + id);
    }

    private static final NodeInfo A = node("a");
    private static final NodeInfo B = node("b");
    private static final NodeInfo C = node("c");

    private final ScriptedReplicas replicas = new ScriptedReplicas();
    private final ManualRequestTimer timer = new ManualRequestTimer();
    /** Wall and monotonic time both move only when the test moves them. */
    private static final class SteppedClock implements io.stratadb.storage.Clock {
        volatile long nanos;

        @Override
        public long currentTimeMicros() {
            return 1_700_000_000_000_000L + nanos / 1000;
        }

        @Override
        public long nanoTime() {
            return nanos;
        }

        void advanceSeconds(long s) {
            nanos += s * 1_000_000_000L;
        }
    }

    private final SteppedClock clock = new SteppedClock();
    private final List<String> hinted = new ArrayList<>();
    private final HintSink hints = (target, m, downSince) -> {
        synchronized (hinted) {
            hinted.add(target.id());
        }
        return CompletableFuture.completedFuture(null);
    };

    /** Three nodes, all replicas of every key at RF 3; A is the coordinator; {@code down} are DOWN. */
    private ReplicaCoordinator coordinator(String... down) {
        Map<NodeInfo, List<Long>> tokens = Map.of(A, List.of(-100L), B, List.of(0L), C, List.of(100L));
        Map<String, NodeState> states = new HashMap<>();
        tokens.keySet().forEach(n -> states.put(n.id(), NodeState.UP));
        for (String id : down) {
            states.put(id, NodeState.DOWN);
        }
        ClusterState cluster = new ClusterState(new ClusterView(A, TokenRing.of(tokens), states));
        KeyspaceMetadata ks = new KeyspaceMetadata(new KeyspaceDefinition("ks", new ReplicationSettings.Simple(3)), "ks_1");
        Schema schema = new Schema(List.of(ks));
        return new ReplicaCoordinator(cluster, () -> schema, replicas, hints, timer, clock, 1000, 1000);
    }

    private static WriteCommand write(ConsistencyLevel cl) {
        return new WriteCommand("ks", bytes("key"), Cell.value(bytes("v"), 10), cl);
    }

    private static ReadCommand read(ConsistencyLevel cl) {
        return new ReadCommand("ks", bytes("key"), cl);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ErrorCode code(CompletableFuture<?> f) {
        CompletionException e = assertThrows(CompletionException.class, f::join);
        return ((RequestException) e.getCause()).code();
    }

    @Test
    void aQuorumWriteAnswersOnTheSecondAckAndHintsTheReplicaThatFails() {
        CompletableFuture<Void> w = coordinator().write(write(ConsistencyLevel.QUORUM));
        assertEquals(3, replicas.calls(APPLY).size(), "every live replica gets the write");
        replicas.answer(APPLY, A, null);
        assertFalse(w.isDone());
        replicas.answer(APPLY, C, null);
        assertTrue(w.isDone() && !w.isCompletedExceptionally());
        replicas.fail(APPLY, B);
        assertEquals(List.of("b"), hinted, "the failed replica gets a hint");
    }

    @Test
    void aDownReplicaIsHintedAtOnceAndNotSentTo() {
        CompletableFuture<Void> w = coordinator("c").write(write(ConsistencyLevel.QUORUM));
        assertEquals(List.of("c"), hinted);
        assertEquals(2, replicas.calls(APPLY).size());
        replicas.answer(APPLY, A, null);
        replicas.answer(APPLY, B, null);
        w.join();
    }

    @Test
    void aWriteThatGetsTooFewAcksTimesOutWithTheCounts() {
        CompletableFuture<Void> w = coordinator().write(write(ConsistencyLevel.QUORUM));
        replicas.answer(APPLY, A, null);
        timer.advance(1000);
        CompletionException e = assertThrows(CompletionException.class, w::join);
        RequestException re = (RequestException) e.getCause();
        assertEquals(ErrorCode.TIMEOUT, re.code());
        assertTrue(re.getMessage().contains("1") && re.getMessage().contains("2"), re.getMessage());
    }

    @Test
    void allWithAReplicaDownIsUnavailableAndSendsNothing() {
        CompletableFuture<Void> w = coordinator("b").write(write(ConsistencyLevel.ALL));
        assertEquals(ErrorCode.UNAVAILABLE, code(w));
        assertTrue(replicas.calls.isEmpty());
        assertTrue(hinted.isEmpty());
    }

    @Test
    void anyIsMetByHintsAloneWhenEveryReplicaIsDown() {
        CompletableFuture<Void> w = coordinator("a", "b", "c").write(write(ConsistencyLevel.ANY));
        w.join();
        assertEquals(3, hinted.size());
        assertTrue(replicas.calls.isEmpty());
    }

    @Test
    void oneIsNotMetByAHint() {
        CompletableFuture<Void> w = coordinator("b", "c").write(write(ConsistencyLevel.ONE));
        replicas.fail(APPLY, A);
        assertEquals(ErrorCode.TIMEOUT, code(w), "a replica failure leaves the outcome unknown");
        assertTrue(hinted.containsAll(List.of("a", "b", "c")));
    }

    @Test
    void aQuorumReadWithMatchingDigestsAnswersTheDataWithoutRepair() {
        Cell v = Cell.value(bytes("v"), 10);
        CompletableFuture<Cell> r = coordinator().read(read(ConsistencyLevel.QUORUM));
        assertEquals(1, replicas.calls(READ).size(), "one data read");
        assertEquals(1, replicas.calls(DIGEST).size(), "one digest read");
        NodeInfo digestReplica = replicas.calls(DIGEST).get(0).replica();
        replicas.answer(READ, A, v);
        replicas.answer(DIGEST, digestReplica, CellDigest.of(v));
        assertEquals(v, r.join());
        assertTrue(replicas.calls(APPLY).isEmpty());
    }

    @Test
    void aQuorumReadThatFindsAStaleReplicaRepairsItBeforeAnswering() {
        Cell old = Cell.value(bytes("old"), 5);
        Cell newer = Cell.value(bytes("new"), 10);
        CompletableFuture<Cell> r = coordinator().read(read(ConsistencyLevel.QUORUM));
        NodeInfo other = replicas.calls(DIGEST).get(0).replica();
        replicas.answer(READ, A, old);
        replicas.answer(DIGEST, other, CellDigest.of(newer));
        // Mismatch: the coordinator fetches the full cell from the digest replica.
        replicas.answer(READ, other, newer);
        ScriptedReplicas.Call repair = replicas.pending(APPLY, A);
        assertEquals(newer, repair.mutation().cell());
        assertFalse(r.isDone(), "QUORUM waits for the repair");
        repair.reply().complete(null);
        assertEquals(newer, r.join());
    }

    @Test
    void belowQuorumTheRepairRunsInTheBackground() {
        Cell old = Cell.value(bytes("old"), 5);
        Cell newer = Cell.value(bytes("new"), 10);
        CompletableFuture<Cell> r = coordinator().read(read(ConsistencyLevel.TWO));
        NodeInfo other = replicas.calls(DIGEST).get(0).replica();
        replicas.answer(READ, A, newer);
        replicas.answer(DIGEST, other, CellDigest.of(old));
        replicas.answer(READ, other, old);
        assertEquals(newer, r.join(), "answered before the repair was acknowledged");
        assertEquals(other, replicas.pending(APPLY, other).replica());
    }

    @Test
    void aSlowReplicaTriggersOneSpeculativeReadAfterTheRecentP99() {
        ReplicaCoordinator coordinator = coordinator();
        primeSpeculation(coordinator);
        Cell v = Cell.value(bytes("v"), 10);
        CompletableFuture<Cell> r = coordinator.read(read(ConsistencyLevel.QUORUM));
        NodeInfo slow = replicas.calls(DIGEST).get(0).replica();
        NodeInfo spare = slow.equals(B) ? C : B;
        replicas.answer(READ, A, v);
        timer.advance(1);
        assertEquals(List.of(slow, spare), replicas.calls(DIGEST).stream().map(ScriptedReplicas.Call::replica).toList(),
                "one extra digest read to the spare replica");
        replicas.answer(DIGEST, spare, CellDigest.of(v));
        assertEquals(v, r.join());
    }

    @Test
    void aFailedDataReadIsReplacedByADataReadToASpareReplica() {
        Cell v = Cell.value(bytes("v"), 10);
        CompletableFuture<Cell> r = coordinator().read(read(ConsistencyLevel.QUORUM));
        NodeInfo digestReplica = replicas.calls(DIGEST).get(0).replica();
        NodeInfo spare = digestReplica.equals(B) ? C : B;
        replicas.fail(READ, A);
        replicas.answer(READ, spare, v);
        replicas.answer(DIGEST, digestReplica, CellDigest.of(v));
        assertEquals(v, r.join());
    }

    @Test
    void anAbsentKeyOnEveryReplicaReadsAsNull() {
        CompletableFuture<Cell> r = coordinator().read(read(ConsistencyLevel.QUORUM));
        replicas.answer(READ, A, null);
        replicas.answer(DIGEST, replicas.calls(DIGEST).get(0).replica(), CellDigest.of(null));
        assertNull(r.join());
    }

    /** 200 replica reads of 1 ms: the threshold becomes 1 ms once the clock moves past its refresh. */
    private void primeSpeculation(ReplicaCoordinator coordinator) {
        for (int i = 0; i < 200; i++) {
            CompletableFuture<Cell> r = coordinator.read(read(ConsistencyLevel.ONE));
            replicas.answer(READ, A, null);
            r.join();
        }
        clock.advanceSeconds(2);
        replicas.calls.clear();
    }

    @Test
    void digestsDifferWhenAnythingReconciliationLooksAtDiffers() {
        Cell v = Cell.value(bytes("v"), 10);
        assertArrayEquals(CellDigest.of(v), CellDigest.of(Cell.value(bytes("v"), 10)));
        assertFalse(java.util.Arrays.equals(CellDigest.of(v), CellDigest.of(Cell.value(bytes("v"), 11))));
        assertFalse(java.util.Arrays.equals(CellDigest.of(v), CellDigest.of(Cell.value(bytes("w"), 10))));
        assertFalse(java.util.Arrays.equals(CellDigest.of(v), CellDigest.of(Cell.tombstone(10, 1))));
        assertFalse(java.util.Arrays.equals(CellDigest.of(v), CellDigest.of(null)));
    }
}
