package io.stratadb.node.coordinator;

import io.stratadb.client.ring.NodeInfo;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.engine.ScanResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Replicas whose answers the test gives by hand: every call is recorded with its pending future, so a
 * test decides which replica answers, fails or stays silent, and in what order. Stands in for the
 * network only; the coordinator logic under test is the real one.
 */
final class ScriptedReplicas implements ReplicaAccess {

    enum Kind { APPLY, READ, DIGEST, SCAN }

    record Call(Kind kind, NodeInfo replica, Mutation mutation, CompletableFuture<Object> reply) {
    }

    final List<Call> calls = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<Void> apply(NodeInfo replica, Mutation mutation) {
        return record(Kind.APPLY, replica, mutation).thenApply(o -> null);
    }

    @Override
    public synchronized CompletableFuture<Cell> read(NodeInfo replica, String table, byte[] storageKey) {
        return record(Kind.READ, replica, null).thenApply(o -> (Cell) o);
    }

    @Override
    public synchronized CompletableFuture<byte[]> digest(NodeInfo replica, String table, byte[] storageKey) {
        return record(Kind.DIGEST, replica, null).thenApply(o -> (byte[]) o);
    }

    @Override
    public synchronized CompletableFuture<ScanResult> scan(NodeInfo replica, String table, byte[] startExclusive,
                                                           byte[] endExclusive, int limit) {
        return record(Kind.SCAN, replica, null).thenApply(o -> (ScanResult) o);
    }

    private CompletableFuture<Object> record(Kind kind, NodeInfo replica, Mutation m) {
        CompletableFuture<Object> f = new CompletableFuture<>();
        calls.add(new Call(kind, replica, m, f));
        return f;
    }

    synchronized List<Call> calls(Kind kind) {
        return calls.stream().filter(c -> c.kind() == kind).toList();
    }

    synchronized Call pending(Kind kind, NodeInfo replica) {
        return calls.stream().filter(c -> c.kind() == kind && c.replica().equals(replica) && !c.reply().isDone())
                .findFirst().orElseThrow(() -> new AssertionError("no pending " + kind + " to " + replica + ": " + calls));
    }

    void answer(Kind kind, NodeInfo replica, Object value) {
        pending(kind, replica).reply().complete(value);
    }

    void fail(Kind kind, NodeInfo replica) {
        pending(kind, replica).reply().completeExceptionally(new RuntimeException("replica " + replica.id() + " failed"));
    }
}
