package io.stratadb.bench.load;

import org.HdrHistogram.Histogram;

import java.util.Map;

/**
 * What one phase measured: per operation type the latency histogram (µs), errors and outcomes (a
 * compare-and-set's applied / not_applied / read_first; empty for other operations), and the wall time.
 */
record PhaseResult(String phase, double seconds, Map<OperationType, Histogram> latencies,
                   Map<OperationType, Map<String, Long>> errors, Map<OperationType, Map<String, Long>> outcomes) {

    long totalOperations() {
        long n = 0;
        for (Histogram h : latencies.values()) {
            n += h.getTotalCount();
        }
        for (Map<String, Long> e : errors.values()) {
            for (long c : e.values()) {
                n += c;
            }
        }
        return n;
    }

    double throughput() {
        return seconds > 0 ? totalOperations() / seconds : 0;
    }
}
