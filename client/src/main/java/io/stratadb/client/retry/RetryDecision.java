package io.stratadb.client.retry;

/** What to do after a request failed on one node. */
public enum RetryDecision {
    /** Send it again to the next node of its query plan, within what is left of its timeout. */
    RETRY_NEXT_NODE,
    /** Give the caller this failure. */
    FAIL
}
