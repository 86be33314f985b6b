package io.stratadb.bench.load;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/strata-bench}: loads records into a StrataDB cluster and runs a YCSB-style workload
 * against it, printing progress and a latency summary per operation. {@code --help} lists the options.
 */
public final class StrataBench {

    private StrataBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        out.printf("strata-bench: workload %s (%s), %,d records, %s keys, %d-byte values, consistency %s, "
                        + "%d threads, %d in flight%s, hosts %s%n",
                options.workload, options.workload.description(), options.records,
                options.effectiveDistribution().name().toLowerCase(), options.valueSize, options.consistency,
                options.threads, options.concurrency,
                options.targetRate > 0 ? String.format(", target %,.0f ops/s", options.targetRate) : "",
                options.hosts());
        List<PhaseResult> results = new ArrayList<>();
        try (StrataTarget target = new StrataTarget(options)) {
            target.prepare();
            LoadRunner runner = new LoadRunner(options, target, out, StrataTarget::errorCode);
            if (options.phase() != BenchOptions.Phase.RUN) {
                PhaseResult load = runner.load();
                BenchReport.print(out, load);
                results.add(load);
            }
            if (options.phase() != BenchOptions.Phase.LOAD) {
                PhaseResult run = runner.run();
                BenchReport.print(out, run);
                results.add(run);
            }
            if (options.jsonFile() != null) {
                BenchReport.writeJson(Path.of(options.jsonFile()), settings(options, args), results);
                out.println("results written to " + options.jsonFile());
            }
            return 0;
        } catch (Exception e) {
            err.println("strata-bench failed: " + e);
            return 1;
        }
    }

    private static Map<String, Object> settings(BenchOptions o, String[] args) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("arguments", String.join(" ", args));
        s.put("workload", o.workload.name());
        s.put("records", o.records);
        s.put("distribution", o.effectiveDistribution().name());
        s.put("value_size", o.valueSize);
        s.put("consistency", o.consistency);
        if (o.workload == Workload.CAS || o.workload == Workload.CAS_HOT) {
            s.put("serial_consistency", o.serialConsistency);
            s.put("hot_keys", o.hotKeys);
        }
        s.put("threads", o.threads);
        s.put("concurrency", o.concurrency);
        s.put("target_rate", o.targetRate);
        s.put("hosts", o.hosts());
        return s;
    }

}
