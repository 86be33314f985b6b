package io.stratadb.client;

import io.stratadb.client.protocol.ConsistencyLevel;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Per-request settings for {@code put} and {@code delete}: those of {@link RequestOptions}, plus a
 * time-to-live (put only) and a client-supplied write timestamp. Unset settings take the client's
 * defaults; without a timestamp the coordinator assigns one. Immutable.
 *
 * <p>A client timestamp makes a write idempotent: sending it twice has the same effect as once (the newer
 * timestamp wins, ties go to the larger value), so it is safe to retry after an unknown outcome. So unless
 * {@link #withIdempotent(boolean)} says otherwise, a write is idempotent exactly when it carries a client
 * timestamp, and the client's {@link io.stratadb.client.retry.RetryPolicy} may then send it again to
 * another node. Without one, each attempt gets a new coordinator timestamp, and a repeat could overwrite
 * a newer write another client made in between: not idempotent.
 *
 * <p>The serial writes ({@code putIfAbsent}, {@code compareAndSet}, {@code deleteIf}, {@code serialPut}) also
 * take these options: the consistency is their commit level, {@link #withSerialConsistency} their Paxos
 * level, and a TTL applies to the value they write. They refuse a client timestamp (a serial write's
 * timestamp comes from its Paxos ballot) and ignore {@link #withIdempotent}: they are never idempotent
 * (a repeated compare-and-set answers "not applied"), so they are retried only after an error that
 * guarantees no effect.
 */
public final class WriteOptions {
    private static final int NO_TTL = 0;
    private static final long NO_TIMESTAMP = Long.MIN_VALUE;
    private static final WriteOptions DEFAULTS = new WriteOptions(null, null, null, NO_TTL, NO_TIMESTAMP, null, null);

    private final ConsistencyLevel consistency;
    private final Duration timeout;
    private final String keyspace;
    private final int ttlSeconds;
    private final long timestampMicros;
    /** {@code null}: derived from the timestamp. */
    private final Boolean idempotent;
    private final ConsistencyLevel serialConsistency;

    private WriteOptions(ConsistencyLevel consistency, Duration timeout, String keyspace, int ttlSeconds,
                         long timestampMicros, Boolean idempotent, ConsistencyLevel serialConsistency) {
        this.serialConsistency = serialConsistency;
        this.consistency = consistency;
        this.timeout = timeout;
        this.keyspace = keyspace;
        this.ttlSeconds = ttlSeconds;
        this.timestampMicros = timestampMicros;
        this.idempotent = idempotent;
    }

    /** Nothing set: client defaults, no TTL, the coordinator's timestamp. */
    public static WriteOptions defaults() {
        return DEFAULTS;
    }

    /**
     * See {@link RequestOptions#withConsistency}. For a serial write ({@code compareAndSet} and the like) this is
     * the commit level: how many replicas must store the decided value before the answer.
     */
    public WriteOptions withConsistency(ConsistencyLevel consistency) {
        return new WriteOptions(Objects.requireNonNull(consistency, "consistency"), timeout, keyspace, ttlSeconds,
                timestampMicros, idempotent, serialConsistency);
    }

    /** See {@link RequestOptions#withTimeout(Duration)}. */
    public WriteOptions withTimeout(Duration timeout) {
        return new WriteOptions(consistency, RequestOptions.checkTimeout(timeout), keyspace, ttlSeconds,
                timestampMicros, idempotent, serialConsistency);
    }

    /** See {@link RequestOptions#withKeyspace}. */
    public WriteOptions withKeyspace(String keyspace) {
        return new WriteOptions(consistency, timeout, Objects.requireNonNull(keyspace, "keyspace"), ttlSeconds,
                timestampMicros, idempotent, serialConsistency);
    }

    /**
     * The level of the Paxos round of a serial write: {@link ConsistencyLevel#SERIAL} (a majority of all
     * replicas; the client's default unless its builder says otherwise) or {@link ConsistencyLevel#LOCAL_SERIAL}
     * (a majority in the coordinator's datacenter). Ignored by plain puts and deletes.
     */
    public WriteOptions withSerialConsistency(ConsistencyLevel serialConsistency) {
        Objects.requireNonNull(serialConsistency, "serialConsistency");
        if (!serialConsistency.isSerial()) {
            throw new IllegalArgumentException("a serial consistency is SERIAL or LOCAL_SERIAL, not " + serialConsistency);
        }
        return new WriteOptions(consistency, timeout, keyspace, ttlSeconds, timestampMicros, idempotent,
                serialConsistency);
    }

    /** The value expires this many seconds after it was written (put only; the server requires > 0). */
    public WriteOptions withTtlSeconds(int ttlSeconds) {
        if (ttlSeconds <= 0) {
            throw new IllegalArgumentException("a TTL is at least one second, not " + ttlSeconds);
        }
        return new WriteOptions(consistency, timeout, keyspace, ttlSeconds, timestampMicros, idempotent, serialConsistency);
    }

    /** {@link #withTtlSeconds(int)} in whole seconds; fractions of a second are not allowed. */
    public WriteOptions withTtl(Duration ttl) {
        if (ttl.getNano() != 0 || ttl.getSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a TTL is a whole number of seconds that fits an int, not " + ttl);
        }
        return withTtlSeconds((int) ttl.getSeconds());
    }

    /** The write's timestamp, in microseconds since the Unix epoch, instead of the coordinator's. */
    public WriteOptions withTimestampMicros(long timestampMicros) {
        if (timestampMicros == NO_TIMESTAMP) {
            throw new IllegalArgumentException("Long.MIN_VALUE is not a usable timestamp");
        }
        return new WriteOptions(consistency, timeout, keyspace, ttlSeconds, timestampMicros, idempotent, serialConsistency);
    }

    /**
     * Marks the write as safe (or not) to send more than once, overriding the rule that a write is
     * idempotent exactly when it has a client timestamp. Mark a write without a timestamp idempotent only
     * if a repeat landing after someone else's newer write is acceptable (for instance, a key only this
     * writer touches, written with the same value every time).
     */
    public WriteOptions withIdempotent(boolean idempotent) {
        return new WriteOptions(consistency, timeout, keyspace, ttlSeconds, timestampMicros, idempotent, serialConsistency);
    }

    /** Whether the retry policy may send this write again: as set, else true when it has a client timestamp. */
    public boolean isIdempotent() {
        return idempotent != null ? idempotent : timestampMicros != NO_TIMESTAMP;
    }

    /** The level set here, or {@code null} for the client's default. */
    public ConsistencyLevel consistency() {
        return consistency;
    }

    /** The serial level set here, or {@code null} for the client's default. */
    public ConsistencyLevel serialConsistency() {
        return serialConsistency;
    }

    /** The timeout set here, or {@code null} for the client's default. */
    public Duration timeout() {
        return timeout;
    }

    /** The keyspace set here, or {@code null} for the client's default. */
    public String keyspace() {
        return keyspace;
    }

    /** The TTL set here, if any. */
    public OptionalInt ttlSeconds() {
        return ttlSeconds == NO_TTL ? OptionalInt.empty() : OptionalInt.of(ttlSeconds);
    }

    /** The client timestamp set here, if any; otherwise the coordinator assigns one. */
    public OptionalLong timestampMicros() {
        return timestampMicros == NO_TIMESTAMP ? OptionalLong.empty() : OptionalLong.of(timestampMicros);
    }

    @Override
    public String toString() {
        return "WriteOptions[consistency=" + consistency + ", timeout=" + timeout + ", keyspace=" + keyspace
                + ", ttlSeconds=" + ttlSeconds() + ", timestampMicros=" + timestampMicros() + ", idempotent="
                + isIdempotent() + ", serialConsistency=" + serialConsistency + "]";
    }
}
