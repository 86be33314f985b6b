package io.stratadb.bench.load;

import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.util.Map;

/** Prints one line every interval: the interval's throughput and, per operation, its p50 and p99. */
final class ProgressPrinter {

    private final PrintStream out;
    private final String phase;
    private final Map<OperationType, OperationStats> stats;
    private final long startNanos;
    private final long intervalNanos;
    private long lastNanos;

    ProgressPrinter(PrintStream out, String phase, Map<OperationType, OperationStats> stats, long startNanos,
                    double intervalSeconds) {
        this.out = out;
        this.phase = phase;
        this.stats = stats;
        this.startNanos = startNanos;
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.lastNanos = startNanos;
    }

    void maybePrint() {
        long now = System.nanoTime();
        if (now - lastNanos < intervalNanos) {
            return;
        }
        double seconds = (now - lastNanos) / 1e9;
        lastNanos = now;
        StringBuilder line = new StringBuilder(String.format("[%s %6.1fs]", phase, (now - startNanos) / 1e9));
        long count = 0;
        StringBuilder ops = new StringBuilder();
        for (Map.Entry<OperationType, OperationStats> e : stats.entrySet()) {
            Histogram h = e.getValue().rollInterval();
            if (h.getTotalCount() == 0) {
                continue;
            }
            count += h.getTotalCount();
            ops.append(String.format("  %s p50=%.2fms p99=%.2fms", e.getKey(),
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0));
        }
        line.append(String.format(" %,10.0f ops/s", count / seconds)).append(ops);
        out.println(line);
        out.flush();
    }
}
