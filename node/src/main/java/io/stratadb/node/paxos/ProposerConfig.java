package io.stratadb.node.paxos;

/**
 * The proposer's knobs. Times are nanoseconds on the caller's monotonic clock.
 *
 * @param timeoutNanos the whole operation's budget, all retries included
 * @param roundTimeoutNanos how long one prepare or propose round waits for a quorum before it counts as
 *     lost and is retried (lost messages, a slow replica)
 * @param maxAttempts rounds after which contention is reported instead of retrying again
 * @param backoffBaseNanos first retry waits a random time below this; each further retry doubles it
 * @param backoffMaxNanos the cap of that doubling
 * @param commitBlockFor commit acknowledgements to wait for before answering (from the request's ordinary
 *     consistency level); 0 answers as soon as the write is chosen, two round trips in all
 */
public record ProposerConfig(long timeoutNanos, long roundTimeoutNanos, int maxAttempts,
                             long backoffBaseNanos, long backoffMaxNanos, int commitBlockFor) {

    public ProposerConfig {
        if (timeoutNanos <= 0 || roundTimeoutNanos <= 0 || maxAttempts < 1 || backoffBaseNanos < 1
                || backoffMaxNanos < backoffBaseNanos || commitBlockFor < 0) {
            throw new IllegalArgumentException("invalid proposer config " + this);
        }
    }

    /** One second in all, 200 ms per round, 1 ms first backoff up to 50 ms, commit not waited for. */
    public static ProposerConfig defaults() {
        return new ProposerConfig(1_000_000_000L, 200_000_000L, 10, 1_000_000L, 50_000_000L, 0);
    }

    public ProposerConfig withCommitBlockFor(int n) {
        return new ProposerConfig(timeoutNanos, roundTimeoutNanos, maxAttempts, backoffBaseNanos, backoffMaxNanos, n);
    }
}
