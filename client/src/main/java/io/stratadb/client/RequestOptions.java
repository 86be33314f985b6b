package io.stratadb.client;

import io.stratadb.client.protocol.ConsistencyLevel;
import java.time.Duration;
import java.util.Objects;

/**
 * Per-request settings for reads and schema requests; anything left unset takes the client's default
 * (see {@link StrataClientBuilder}). Immutable: each {@code with...} returns a new instance, so one can be
 * kept in a constant and shared across threads.
 *
 * <pre>{@code
 * RequestOptions quorum = RequestOptions.defaults().withConsistency(ConsistencyLevel.QUORUM);
 * client.get("user:42", quorum.withTimeout(Duration.ofMillis(200)));
 * }</pre>
 */
public final class RequestOptions {
    private static final RequestOptions DEFAULTS = new RequestOptions(null, null, null);

    private final ConsistencyLevel consistency;
    private final Duration timeout;
    private final String keyspace;

    private RequestOptions(ConsistencyLevel consistency, Duration timeout, String keyspace) {
        this.consistency = consistency;
        this.timeout = timeout;
        this.keyspace = keyspace;
    }

    /** Nothing set: every setting is the client's default. */
    public static RequestOptions defaults() {
        return DEFAULTS;
    }

    /** The consistency level for this request. Ignored by schema and topology requests, which have none. */
    public RequestOptions withConsistency(ConsistencyLevel consistency) {
        return new RequestOptions(Objects.requireNonNull(consistency, "consistency"), timeout, keyspace);
    }

    /** How long the client waits for the answer before failing with a client-side {@code RequestTimeoutException}. */
    public RequestOptions withTimeout(Duration timeout) {
        return new RequestOptions(consistency, checkTimeout(timeout), keyspace);
    }

    /** The keyspace of a data request. Ignored by schema and topology requests. */
    public RequestOptions withKeyspace(String keyspace) {
        return new RequestOptions(consistency, timeout, Objects.requireNonNull(keyspace, "keyspace"));
    }

    /** The level set here, or {@code null} for the client's default. */
    public ConsistencyLevel consistency() {
        return consistency;
    }

    /** The timeout set here, or {@code null} for the client's default. */
    public Duration timeout() {
        return timeout;
    }

    /** The keyspace set here, or {@code null} for the client's default. */
    public String keyspace() {
        return keyspace;
    }

    static Duration checkTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, not " + timeout);
        }
        return timeout;
    }

    @Override
    public String toString() {
        return "RequestOptions[consistency=" + consistency + ", timeout=" + timeout + ", keyspace=" + keyspace + "]";
    }
}
