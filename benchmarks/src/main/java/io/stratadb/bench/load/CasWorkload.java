package io.stratadb.bench.load;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The compare-and-set operation of the {@code cas} workloads, as an application doing optimistic
 * updates would: it remembers the last value it saw per record and sends {@code compareAndSet(that value,
 * new value)}. The first time it touches a record, or after a failure left the record's value unknown
 * (TIMEOUT, CONTENTION, a lost connection), it reads the record serially first. A compare-and-set that
 * does not apply answers the current value, which becomes the next expectation: no extra read.
 *
 * <p>So an uncontended key costs one Paxos round per operation, and on hot keys the not-applied count
 * measures how often concurrent clients overtook each other. Thread-safe; memory grows with the records
 * touched (one value each).
 */
final class CasWorkload {
    static final String APPLIED = "applied";
    static final String NOT_APPLIED = "not_applied";
    /** Counted besides applied / not applied when the operation had to read the value first. */
    static final String READ_FIRST = "read_first";

    /** What the operation finished with: the outcome labels the runner counts. */
    record Result(boolean applied, boolean readFirst) {
        List<String> labels() {
            String outcome = applied ? APPLIED : NOT_APPLIED;
            return readFirst ? List.of(outcome, READ_FIRST) : List.of(outcome);
        }
    }

    /** A value known for a record; {@code value == null}: known to be absent. */
    private record Known(byte[] value) {
    }

    private final KvTarget target;
    private final Map<Long, Known> lastSeen = new ConcurrentHashMap<>();

    CasWorkload(KvTarget target) {
        this.target = target;
    }

    /** Starts one compare-and-set of {@code record} to {@code newValue}. */
    CompletableFuture<Result> start(long record, byte[] newValue) {
        byte[] key = RecordKeys.key(record);
        Known known = lastSeen.get(record);
        if (known != null) {
            return compareAndSet(record, key, known.value, newValue, false);
        }
        return target.serialRead(key).thenCompose(current -> compareAndSet(record, key, current, newValue, true));
    }

    private CompletableFuture<Result> compareAndSet(long record, byte[] key, byte[] expected, byte[] newValue,
                                                    boolean readFirst) {
        return target.compareAndSet(key, expected, newValue).handle((outcome, error) -> {
            if (error != null) {
                // The write may or may not have happened: read before the next attempt on this record.
                lastSeen.remove(record);
                throw error instanceof CompletionException c ? c : new CompletionException(error);
            }
            lastSeen.put(record, new Known(outcome.applied() ? newValue : outcome.current()));
            return new Result(outcome.applied(), readFirst);
        });
    }
}
