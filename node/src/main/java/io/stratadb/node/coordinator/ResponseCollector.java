package io.stratadb.node.coordinator;

import io.stratadb.node.concurrent.RequestTimer;
import io.stratadb.node.errors.RequestException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * Counts replica answers for one request: succeeds with the first {@code blockFor} answers, fails with
 * the first replica failure once so many replicas failed that {@code blockFor} can no longer be reached,
 * and fails with the timeout error (given how many answered) if the timer fires first.
 */
final class ResponseCollector<T> {

    private final int blockFor;
    private final int contacted;
    private final IntFunction<RequestException> timeoutError;
    private final CompletableFuture<List<T>> result = new CompletableFuture<>();
    private final List<T> answers = new ArrayList<>();
    private final RequestTimer.Timeout timeout;
    private int failures;
    private Throwable firstFailure;

    ResponseCollector(int blockFor, int contacted, RequestTimer timer, long timeoutMillis,
                      IntFunction<RequestException> timeoutError) {
        if (blockFor < 1 || contacted < blockFor) {
            throw new IllegalArgumentException("blockFor " + blockFor + " of " + contacted + " contacted");
        }
        this.blockFor = blockFor;
        this.contacted = contacted;
        this.timeoutError = timeoutError;
        this.timeout = timer.schedule(this::onTimeout, timeoutMillis);
    }

    CompletableFuture<List<T>> result() {
        return result;
    }

    /** Feed one replica's outcome; usable directly as a {@code whenComplete} callback. */
    void accept(T answer, Throwable failure) {
        List<T> done = null;
        Throwable failed = null;
        synchronized (this) {
            if (result.isDone()) {
                return;
            }
            if (failure == null) {
                answers.add(answer);
                if (answers.size() == blockFor) {
                    // Not List.copyOf: answers may be null (a write's Void, a read that found nothing).
                    done = Collections.unmodifiableList(new ArrayList<>(answers));
                }
            } else {
                if (firstFailure == null) {
                    firstFailure = failure;
                }
                if (contacted - ++failures < blockFor) {
                    failed = firstFailure;
                }
            }
        }
        // Complete outside the lock: callbacks run on this thread.
        if (done != null) {
            timeout.cancel();
            result.complete(done);
        } else if (failed != null) {
            timeout.cancel();
            result.completeExceptionally(failed);
        }
    }

    private void onTimeout() {
        int received;
        synchronized (this) {
            received = answers.size();
        }
        result.completeExceptionally(timeoutError.apply(received));
    }
}
