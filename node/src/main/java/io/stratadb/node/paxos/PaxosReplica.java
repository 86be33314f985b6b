package io.stratadb.node.paxos;

import io.stratadb.node.paxos.message.AcceptResponse;
import io.stratadb.node.paxos.message.CommitAck;
import io.stratadb.node.paxos.message.CommitRequest;
import io.stratadb.node.paxos.message.PrepareRequest;
import io.stratadb.node.paxos.message.PromiseResponse;
import io.stratadb.node.paxos.message.ProposeRequest;

import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One node's acceptor: loads a key's state, applies a {@link PaxosAcceptor} rule, persists a changed state,
 * then returns the answer. The verb handlers call these; they block on the store's sync, so handlers run
 * them off the network threads.
 *
 * <p>Requests for one key are serialized by a striped lock: the rules are read-modify-write on the key's
 * state, and two interleaved prepares could otherwise both be promised.
 */
public final class PaxosReplica {

    private static final int STRIPES = 256;

    private final PaxosAcceptor rules = new PaxosAcceptor();
    private final PaxosStateStore store;
    private final PaxosDataTable data;
    private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

    public PaxosReplica(PaxosStateStore store, PaxosDataTable data) {
        this.store = store;
        this.data = data;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public PromiseResponse prepare(PrepareRequest r) {
        ReentrantLock lock = lockFor(r.table(), r.key());
        lock.lock();
        try {
            PaxosAcceptor.Step<PromiseResponse> step =
                    rules.prepare(store.load(r.table(), r.key()), r, data.read(r.table(), r.key()));
            persist(r.table(), r.key(), step);
            return step.response();
        } finally {
            lock.unlock();
        }
    }

    public AcceptResponse propose(ProposeRequest r) {
        ReentrantLock lock = lockFor(r.table(), r.key());
        lock.lock();
        try {
            PaxosAcceptor.Step<AcceptResponse> step = rules.propose(store.load(r.table(), r.key()), r);
            persist(r.table(), r.key(), step);
            return step.response();
        } finally {
            lock.unlock();
        }
    }

    public CommitAck commit(CommitRequest r) {
        ReentrantLock lock = lockFor(r.table(), r.key());
        lock.lock();
        try {
            PaxosAcceptor.Step<CommitAck> step = rules.commit(store.load(r.table(), r.key()), r);
            // The data write and the state write go to the commit log together, so one group commit covers
            // both, and the answer waits for both. Should the data write land first, a promise in between
            // may still report the proposal as in progress although its value is visible: harmless (its
            // completion rewrites the same cell), only wasteful.
            CompletableFuture<Void> dataWrite = step.apply() != null
                    ? data.applyAsync(r.table(), r.key(), step.apply()) : CompletableFuture.completedFuture(null);
            persist(r.table(), r.key(), step);
            dataWrite.join();
            return step.response();
        } finally {
            lock.unlock();
        }
    }

    private void persist(String table, byte[] key, PaxosAcceptor.Step<?> step) {
        if (step.changed()) {
            store.save(table, key, step.state());
        }
    }

    private ReentrantLock lockFor(String table, byte[] key) {
        int h = table.hashCode() * 31 + Arrays.hashCode(key);
        return locks[Math.floorMod(h ^ (h >>> 16), STRIPES)];
    }
}
