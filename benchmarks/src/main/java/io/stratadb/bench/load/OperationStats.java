package io.stratadb.bench.load;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies and errors of one operation type. Recording is wait-free (HdrHistogram's Recorder), so
 * completion callbacks on the client's I/O threads never contend on a lock.
 */
final class OperationStats {

    /** Latencies are recorded in microseconds, up to an hour, 3 significant digits. */
    private static final long MAX_MICROS = 3_600_000_000L;

    private final Recorder recorder = new Recorder(MAX_MICROS, 3);
    private final Histogram total = new Histogram(MAX_MICROS, 3);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private Histogram interval;

    void record(long latencyNanos) {
        recorder.recordValue(Math.min(MAX_MICROS, Math.max(0, latencyNanos / 1_000)));
    }

    void error(String code) {
        errors.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /** Counts a successful operation's outcome (a compare-and-set's applied / not_applied). */
    void outcome(String label) {
        outcomes.computeIfAbsent(label, c -> new LongAdder()).increment();
    }

    /** Moves what was recorded since the last call into the total; returns that interval. */
    synchronized Histogram rollInterval() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return interval;
    }

    /** Drops what was recorded so far (the end of a warm-up). */
    synchronized void rollIntervalAndDiscard() {
        interval = recorder.getIntervalHistogram(interval);
        total.reset();
        errors.clear();
        outcomes.clear();
    }

    synchronized Histogram total() {
        return total.copy();
    }

    Map<String, Long> errors() {
        return sums(errors);
    }

    Map<String, Long> outcomes() {
        return sums(outcomes);
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> out = new java.util.TreeMap<>();
        counters.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
