package io.stratadb.client.retry;

import io.stratadb.client.exception.ConnectionException;
import io.stratadb.client.exception.RequestTimeoutException;
import io.stratadb.client.exception.StrataException;
import io.stratadb.client.protocol.ErrorCode;

/**
 * Retries, up to {@code maxRetries} times (default once), a request that is safe to repeat after a failure
 * that another node may not have:
 * <ul>
 *   <li>safe to repeat: reads, and writes marked idempotent. A write that is not idempotent is never
 *       retried, even after an error that guarantees it had no effect (OVERLOADED, UNAVAILABLE): the caller
 *       asked for at most once, and decides itself from {@link StrataException#requestHadNoEffect()};</li>
 *   <li>transient failures: the connection broke with the request on it, the coordinator was OVERLOADED,
 *       found too few replicas alive (UNAVAILABLE), or its replicas did not answer in time (a server's
 *       TIMEOUT). Another coordinator has other queues and may see other replicas alive.</li>
 * </ul>
 * Serial writes (compare-and-set and the other Paxos writes, {@link AttemptedRequest#isSerialWrite()}) are a
 * case of their own: they are retried only after an error that guarantees no effect and that another
 * coordinator may not have, OVERLOADED or UNAVAILABLE, whatever their idempotence flag. A repeat after any
 * other failure could apply the operation twice, or answer "not applied" for a write that did apply:
 * connection losses, TIMEOUT (of any Paxos phase) and CONTENTION leave the outcome unknown and go to the
 * caller.
 *
 * <p>Nothing else is retried: a client-side timeout (the request's time is spent), an invalid request, an
 * unknown keyspace, corruption, a server error or a lost compare-and-set would fail the same way again or
 * need the caller's judgement.
 */
public final class DefaultRetryPolicy implements RetryPolicy {
    public static final int DEFAULT_MAX_RETRIES = 1;

    private final int maxRetries;

    public DefaultRetryPolicy() {
        this(DEFAULT_MAX_RETRIES);
    }

    public DefaultRetryPolicy(int maxRetries) {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be >= 0, not " + maxRetries);
        }
        this.maxRetries = maxRetries;
    }

    @Override
    public RetryDecision onFailure(AttemptedRequest request, StrataException error, int retriesSoFar) {
        if (request.isSerialWrite()) {
            return retriesSoFar < maxRetries && error.requestHadNoEffect()
                    && (error.code() == ErrorCode.OVERLOADED || error.code() == ErrorCode.UNAVAILABLE)
                    ? RetryDecision.RETRY_NEXT_NODE : RetryDecision.FAIL;
        }
        if (retriesSoFar >= maxRetries || !(request.isRead() || request.idempotent())) {
            return RetryDecision.FAIL;
        }
        return isTransient(error) ? RetryDecision.RETRY_NEXT_NODE : RetryDecision.FAIL;
    }

    /** A failure another node may well not have. */
    static boolean isTransient(StrataException error) {
        if (error instanceof ConnectionException) {
            return true;
        }
        if (error instanceof RequestTimeoutException timeout) {
            return !timeout.isClientSide();
        }
        return error.code() == ErrorCode.OVERLOADED || error.code() == ErrorCode.UNAVAILABLE;
    }

    @Override
    public String toString() {
        return "DefaultRetryPolicy[maxRetries=" + maxRetries + "]";
    }
}
