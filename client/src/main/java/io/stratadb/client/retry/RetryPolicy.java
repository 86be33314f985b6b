package io.stratadb.client.retry;

import io.stratadb.client.exception.StrataException;

/**
 * Decides whether a request that failed on one node is sent to the next node of its plan. Called on the
 * client's I/O threads: it must be quick, must not block, and must be thread-safe. Whatever it decides, a
 * request never outlives its timeout, and a plan with no node left ends the retries.
 *
 * <p>Not consulted when the request was certainly never sent (the node was down or busy, or its connection
 * failed before writing): the client moves on to the next node then without counting a retry.
 *
 * <p>{@link DefaultRetryPolicy} is the default; {@link #never()} turns retries off.
 */
@FunctionalInterface
public interface RetryPolicy {
    /**
     * @param request      what failed
     * @param error        the failure: a server's ERROR as its exception, or a client-side failure (the
     *                     connection broke with the request on it, the client's deadline passed)
     * @param retriesSoFar retries already made for this request: 0 after the first attempt failed
     */
    RetryDecision onFailure(AttemptedRequest request, StrataException error, int retriesSoFar);

    /** A policy that never retries. */
    static RetryPolicy never() {
        return (request, error, retriesSoFar) -> RetryDecision.FAIL;
    }
}
