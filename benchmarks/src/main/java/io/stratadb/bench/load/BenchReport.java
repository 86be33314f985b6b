package io.stratadb.bench.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The end-of-phase summary: a table for people and, on request, JSON for scripts. */
public final class BenchReport {

    private static final double[] PERCENTILES = {50, 95, 99, 99.9};

    private BenchReport() {
    }

    static void print(PrintStream out, PhaseResult r) {
        out.printf("%n== %s: %,d operations in %.1f s = %,.0f ops/s%n", r.phase(), r.totalOperations(), r.seconds(),
                r.throughput());
        out.printf("%-18s %12s %10s %9s %9s %9s %9s %9s  %s%n", "operation", "count", "ops/s", "p50 ms", "p95 ms",
                "p99 ms", "p99.9 ms", "max ms", "errors");
        for (Map.Entry<OperationType, Histogram> e : r.latencies().entrySet()) {
            Histogram h = e.getValue();
            out.printf("%-18s %,12d %,10.0f %9.2f %9.2f %9.2f %9.2f %9.2f  %s%n", e.getKey(), h.getTotalCount(),
                    h.getTotalCount() / r.seconds(), ms(h, 50), ms(h, 95), ms(h, 99), ms(h, 99.9),
                    h.getMaxValue() / 1000.0, r.errors().get(e.getKey()));
        }
        r.outcomes().forEach((type, counts) -> {
            if (!counts.isEmpty()) {
                out.printf("%-18s outcomes %s%n", type, counts);
            }
        });
        out.flush();
    }

    static Map<String, Object> toJson(PhaseResult r) {
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("phase", r.phase());
        phase.put("seconds", r.seconds());
        phase.put("operations", r.totalOperations());
        phase.put("throughput", r.throughput());
        List<Map<String, Object>> ops = new ArrayList<>();
        for (Map.Entry<OperationType, Histogram> e : r.latencies().entrySet()) {
            Histogram h = e.getValue();
            Map<String, Object> op = new LinkedHashMap<>();
            op.put("operation", e.getKey().name());
            op.put("count", h.getTotalCount());
            op.put("throughput", h.getTotalCount() / r.seconds());
            for (double p : PERCENTILES) {
                op.put("p" + (p == Math.rint(p) ? String.valueOf((int) p) : String.valueOf(p)) + "_ms", ms(h, p));
            }
            op.put("max_ms", h.getMaxValue() / 1000.0);
            op.put("errors", r.errors().get(e.getKey()));
            Map<String, Long> outcomes = r.outcomes().get(e.getKey());
            if (outcomes != null && !outcomes.isEmpty()) {
                op.put("outcomes", outcomes);
            }
            ops.add(op);
        }
        phase.put("operations_by_type", ops);
        return phase;
    }

    static void writeJson(Path file, Map<String, Object> settings, List<PhaseResult> results) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("settings", settings);
        List<Map<String, Object>> phases = new ArrayList<>();
        for (PhaseResult r : results) {
            phases.add(toJson(r));
        }
        root.put("phases", phases);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
