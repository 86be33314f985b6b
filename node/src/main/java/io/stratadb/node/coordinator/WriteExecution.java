package io.stratadb.node.coordinator;

import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.ring.NodeInfo;
import io.stratadb.node.cluster.ClusterView;
import io.stratadb.node.concurrent.RequestTimer;
import io.stratadb.node.errors.RequestException;
import io.stratadb.storage.Mutation;

import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * One write on its way to the replicas. Every live replica gets the mutation; the answer goes back once
 * the consistency level's acknowledgements are in ({@link AckTracker}), TIMEOUT if the timer fires
 * first, or the first failure once every replica has answered without meeting it.
 *
 * <p>Hints: a natural replica that is down gets a hint at once; a live one that fails or times out gets
 * one when its own request fails. When too many replicas failed to meet the level, the client gets
 * TIMEOUT (the write may have been applied by some replicas: the outcome is unknown). Hints count as acknowledgements only for ANY, which is therefore met
 * even with every replica down.
 */
final class WriteExecution {

    private final ReplicaPlan plan;
    private final AckTracker acks;
    private final CompletableFuture<Void> result = new CompletableFuture<>();
    private final IntFunction<RequestException> timeoutError;
    private final RequestTimer.Timeout timeout;
    /** Replica requests and (for ANY) hints whose outcome is not in yet. */
    private int outstanding;
    private Throwable firstFailure;

    private WriteExecution(ReplicaPlan plan, AckTracker acks, RequestTimer timer, long timeoutMillis,
                           IntFunction<RequestException> timeoutError) {
        this.plan = plan;
        this.acks = acks;
        this.timeoutError = timeoutError;
        this.timeout = timer.schedule(this::onTimeout, timeoutMillis);
    }

    static CompletableFuture<Void> run(ClusterView view, ReplicaPlan plan, AckTracker acks, Mutation m,
                                       ReplicaAccess replicas, HintSink hints, RequestTimer timer, long timeoutMillis,
                                       IntFunction<RequestException> timeoutError) {
        WriteExecution w = new WriteExecution(plan, acks, timer, timeoutMillis, timeoutError);
        boolean any = plan.consistency() == ConsistencyLevel.ANY;
        synchronized (w) {
            w.outstanding = plan.contacts().size() + (any ? plan.natural().size() - plan.live().size() : 0);
        }
        for (NodeInfo replica : plan.contacts()) {
            replicas.apply(replica, m).whenComplete((ok, failure) -> {
                if (failure == null) {
                    w.onAck(replica);
                } else {
                    CompletableFuture<Void> hinted = hints.hint(replica, m, null);
                    if (any) {
                        // The replica failed, but ANY still counts a hint in its place.
                        hinted.whenComplete((h, hintFailure) -> w.onOutcome(hintFailure == null, failure));
                    } else {
                        w.onOutcome(false, failure);
                    }
                }
            });
        }
        for (NodeInfo replica : plan.natural()) {
            if (!plan.live().contains(replica)) {
                CompletableFuture<Void> hinted = hints.hint(replica, m, view.downSince(replica));
                if (any) {
                    hinted.whenComplete((h, failure) -> w.onOutcome(failure == null, failure));
                }
            }
        }
        if (any && w.isIdle()) {
            w.fail(RequestException.unavailable(ConsistencyLevel.ANY, 1, 0));
        }
        return w.result;
    }

    private synchronized boolean isIdle() {
        return outstanding == 0 && !result.isDone();
    }

    private void onAck(NodeInfo replica) {
        boolean met;
        synchronized (this) {
            outstanding--;
            met = acks.ack(replica);
        }
        if (met) {
            timeout.cancel();
            result.complete(null);
        } else {
            failIfHopeless();
        }
    }

    /** A hint stored for ANY (success) or a replica that failed without a counted hint. */
    private void onOutcome(boolean hinted, Throwable failure) {
        boolean met = false;
        synchronized (this) {
            outstanding--;
            if (hinted) {
                met = acks.ackAny();
            } else if (firstFailure == null && failure != null) {
                firstFailure = failure;
            }
        }
        if (met) {
            timeout.cancel();
            result.complete(null);
        } else {
            failIfHopeless();
        }
    }

    private void failIfHopeless() {
        Throwable failure;
        synchronized (this) {
            if (outstanding > 0 || acks.isMet() || result.isDone()) {
                return;
            }
            failure = Failures.asRequestError(firstFailure, timeoutError, acks.received());
        }
        fail(failure);
    }

    private void fail(Throwable failure) {
        timeout.cancel();
        result.completeExceptionally(failure);
    }

    private void onTimeout() {
        int received;
        synchronized (this) {
            received = acks.received();
        }
        result.completeExceptionally(timeoutError.apply(received));
    }
}
