package io.stratadb.node.coordinator;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.node.concurrent.RequestTimer;
import io.stratadb.node.errors.RequestException;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * One read of one key. The nearest contact gets a data read, the other contacts a digest read; the level
 * is met once there is a data answer and the answers meet the level ({@link AckTracker}: per datacenter
 * for EACH_QUORUM). If every digest matches the
 * data, that is the answer. If not, the replicas disagree: the coordinator fetches the full cell from each
 * one that answered, the newest wins, and each stale replica is sent the newest cell (read repair) —
 * before answering at QUORUM and above, so a later quorum read cannot see the older value again; in the
 * background below that.
 *
 * <p>Speculative retry: if the level is not met after the recent p99 of replica reads, one more live
 * replica (not yet contacted) gets a read, a data read if no data answer has come yet. A replica that
 * fails is replaced the same way while uncontacted replicas remain.
 */
final class ReadExecution {

    private record Answer(NodeInfo replica, Cell cell, byte[] digest) {
        boolean isData() {
            return digest == null;
        }
    }

    private final ReplicaPlan plan;
    private final AckTracker acks;
    private final String table;
    private final byte[] key;
    private final ReplicaAccess replicas;
    private final SpeculationThreshold speculation;
    private final IntFunction<RequestException> timeoutError;
    private final CompletableFuture<Cell> result = new CompletableFuture<>();
    private final RequestTimer.Timeout timeout;
    private final List<NodeInfo> spare;
    private final Map<NodeInfo, Answer> answers = new LinkedHashMap<>();
    private int outstanding;
    private int dataPending;
    private boolean resolving;
    private Throwable firstFailure;
    private RequestTimer.Timeout speculative;

    private ReadExecution(ReplicaPlan plan, AckTracker acks, List<NodeInfo> spare, String table, byte[] key,
                          ReplicaAccess replicas, SpeculationThreshold speculation, RequestTimer timer,
                          long timeoutMillis, IntFunction<RequestException> timeoutError) {
        this.plan = plan;
        this.acks = acks;
        this.spare = new ArrayList<>(spare);
        this.table = table;
        this.key = key;
        this.replicas = replicas;
        this.speculation = speculation;
        this.timeoutError = timeoutError;
        this.timeout = timer.schedule(this::onTimeout, timeoutMillis);
    }

    /**
     * @param spare live replicas not in the plan's contacts that may take a speculative or replacement read
     *     (already filtered to the local datacenter for LOCAL_ levels)
     */
    static CompletableFuture<Cell> run(ReplicaPlan plan, AckTracker acks, List<NodeInfo> spare, String table,
                                       byte[] key, ReplicaAccess replicas, SpeculationThreshold speculation,
                                       RequestTimer timer, long timeoutMillis, IntFunction<RequestException> timeoutError) {
        ReadExecution r = new ReadExecution(plan, acks, spare, table, key, replicas, speculation, timer, timeoutMillis,
                timeoutError);
        List<NodeInfo> contacts = plan.contacts();
        synchronized (r) {
            r.outstanding = contacts.size();
            r.dataPending = 1;
        }
        r.send(contacts.get(0), true);
        for (int i = 1; i < contacts.size(); i++) {
            r.send(contacts.get(i), false);
        }
        long after = speculation.thresholdMillis();
        if (after >= 0 && !spare.isEmpty() && after < timeoutMillis) {
            RequestTimer.Timeout t = timer.schedule(r::speculate, after);
            synchronized (r) {
                r.speculative = t;
            }
        }
        r.result.whenComplete((c, f) -> r.cancelTimers());
        return r.result;
    }

    private void send(NodeInfo replica, boolean data) {
        long start = speculation.clock().nanoTime();
        if (data) {
            replicas.read(replica, table, key).whenComplete((cell, failure) ->
                    onAnswer(replica, true, start, failure == null ? new Answer(replica, cell, null) : null, failure));
        } else {
            replicas.digest(replica, table, key).whenComplete((digest, failure) ->
                    onAnswer(replica, false, start, failure == null ? new Answer(replica, null, digest) : null, failure));
        }
    }

    private void onAnswer(NodeInfo replica, boolean data, long startNanos, Answer answer, Throwable failure) {
        NodeInfo replacement = null;
        boolean replacementData = false;
        boolean resolveNow = false;
        synchronized (this) {
            outstanding--;
            if (data) {
                dataPending--;
            }
            if (result.isDone() || resolving) {
                return;
            }
            if (answer != null) {
                speculation.record(speculation.clock().nanoTime() - startNanos);
                answers.put(replica, answer);
                acks.ack(replica);
                resolveNow = hasData() && acks.isMet();
                if (resolveNow) {
                    resolving = true;
                }
            } else {
                if (firstFailure == null) {
                    firstFailure = failure;
                }
                if (!spare.isEmpty()) {
                    replacement = spare.remove(0);
                    // Keep a data read in flight: a failed data read is replaced by a data read.
                    replacementData = !hasData() && dataPending == 0;
                    outstanding++;
                    if (replacementData) {
                        dataPending++;
                    }
                }
            }
        }
        if (resolveNow) {
            resolve();
        } else if (replacement != null) {
            send(replacement, replacementData);
        } else if (failure != null) {
            failIfHopeless();
        }
    }

    private void speculate() {
        NodeInfo extra;
        boolean data;
        synchronized (this) {
            if (result.isDone() || resolving || spare.isEmpty()) {
                return;
            }
            extra = spare.remove(0);
            data = !hasData();
            outstanding++;
            if (data) {
                dataPending++;
            }
        }
        send(extra, data);
    }

    /** Digest match: answer. Mismatch: fetch everyone's cell, answer the newest, repair the stale. */
    private void resolve() {
        List<Answer> got;
        synchronized (this) {
            got = new ArrayList<>(answers.values());
        }
        Cell newest = null;
        for (Answer a : got) {
            if (a.isData() && a.cell() != null) {
                newest = newest == null ? a.cell() : Cell.reconcile(newest, a.cell());
            }
        }
        byte[] newestDigest = CellDigest.of(newest);
        boolean agree = true;
        for (Answer a : got) {
            byte[] d = a.isData() ? CellDigest.of(a.cell()) : a.digest();
            agree &= Arrays.equals(d, newestDigest);
        }
        if (agree) {
            complete(newest);
            return;
        }
        fetchAllAndRepair(got);
    }

    private void fetchAllAndRepair(List<Answer> got) {
        List<CompletableFuture<Answer>> full = new ArrayList<>();
        for (Answer a : got) {
            full.add(a.isData() ? CompletableFuture.completedFuture(a)
                    : replicas.read(a.replica(), table, key).thenApply(c -> new Answer(a.replica(), c, null)));
        }
        CompletableFuture.allOf(full.toArray(CompletableFuture[]::new)).whenComplete((ignored, failure) -> {
            if (failure != null) {
                fail(failure);
                return;
            }
            Cell newest = null;
            for (CompletableFuture<Answer> f : full) {
                Cell c = f.join().cell();
                if (c != null) {
                    newest = newest == null ? c : Cell.reconcile(newest, c);
                }
            }
            List<CompletableFuture<Void>> repairs = new ArrayList<>();
            if (newest != null) {
                Mutation repair = new Mutation(table, key, newest);
                for (CompletableFuture<Answer> f : full) {
                    Answer a = f.join();
                    if (a.cell() == null || !a.cell().equals(newest)) {
                        repairs.add(replicas.apply(a.replica(), repair));
                    }
                }
            }
            Cell answer = newest;
            if (blocksOnRepair()) {
                CompletableFuture.allOf(repairs.toArray(CompletableFuture[]::new)).whenComplete((r, repairFailure) -> {
                    if (repairFailure != null) {
                        fail(repairFailure);
                    } else {
                        complete(answer);
                    }
                });
            } else {
                complete(answer);
            }
        });
    }

    private boolean blocksOnRepair() {
        ConsistencyLevel cl = plan.consistency();
        return cl == ConsistencyLevel.QUORUM || cl == ConsistencyLevel.LOCAL_QUORUM
                || cl == ConsistencyLevel.EACH_QUORUM || cl == ConsistencyLevel.ALL;
    }

    private boolean hasData() {
        for (Answer a : answers.values()) {
            if (a.isData()) {
                return true;
            }
        }
        return false;
    }

    private void failIfHopeless() {
        Throwable failure;
        synchronized (this) {
            if (outstanding > 0 || result.isDone() || resolving) {
                return;
            }
            failure = firstFailure;
        }
        fail(failure);
    }

    private void complete(Cell cell) {
        result.complete(cell);
    }

    private void fail(Throwable failure) {
        int received;
        synchronized (this) {
            received = acks.received();
        }
        result.completeExceptionally(Failures.asRequestError(failure, timeoutError, received));
    }

    private void onTimeout() {
        int received;
        synchronized (this) {
            received = acks.received();
        }
        result.completeExceptionally(timeoutError.apply(received));
    }

    private synchronized void cancelTimers() {
        timeout.cancel();
        if (speculative != null) {
            speculative.cancel();
        }
    }
}
