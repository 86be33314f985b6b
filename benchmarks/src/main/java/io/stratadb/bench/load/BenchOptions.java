package io.stratadb.bench.load;

import java.util.ArrayList;
import java.util.List;

/** The load generator's command line, with defaults; {@link #parse} names any bad option. */
public final class BenchOptions {

    public enum Phase { LOAD, RUN, BOTH }

    Workload workload = Workload.A;
    long records = 100_000;
    long operations;                 // 0: run for duration
    double durationSeconds = 30;
    double warmupSeconds;
    int threads = 2;
    int concurrency = 64;
    int connections = 1;             // per node: each is served by one event loop at each end
    double targetRate;               // ops/s over all threads; 0: as fast as possible
    int valueSize = 100;
    KeyDistribution distribution;    // null: the workload's default
    String consistency = "ONE";
    final List<String> hosts = new ArrayList<>();
    String keyspace = "bench";
    int replicationFactor = 1;
    Phase phase = Phase.BOTH;
    double reportIntervalSeconds = 5;
    String jsonFile;
    long seed = 42;
    int maxScanLength = 100;
    long hotKeys = DEFAULT_HOT_KEYS;
    String serialConsistency = "SERIAL";

    /** Records the HOT distribution (workload cas-hot) draws from unless --hot-keys says otherwise. */
    public static final long DEFAULT_HOT_KEYS = 10;

    public static final String USAGE = String.join("\n",
            "usage: strata-bench [options]",
            "  --workload A|B|C|D|E|F|write|read|cas|cas-hot   operation mix (default A); cas: compare-and-set",
            "                          on uniform keys, cas-hot: on --hot-keys keys (contended)",
            "  --records N             records loaded and addressed (default 100000)",
            "  --operations N          stop after N operations (default: run for --duration)",
            "  --duration SECONDS      run length (default 30)",
            "  --warmup SECONDS        run this long before measuring (default 0)",
            "  --threads N             issuing threads (default 2)",
            "  --concurrency N         requests in flight at most (default 64)",
            "  --connections N         connections per node (default 1; one connection is served by",
            "                          one event loop thread at each end)",
            "  --target-rate OPS       fixed rate over all threads; latency counts from each",
            "                          operation's intended start (no coordinated omission)",
            "  --value-size BYTES      (default 100)",
            "  --distribution uniform|zipfian|latest|hot   (default: the workload's)",
            "  --hot-keys N            records the hot distribution uses (default 10)",
            "  --consistency LEVEL     per-request consistency (default ONE); commit level of cas",
            "  --serial-consistency SERIAL|LOCAL_SERIAL   Paxos level of cas (default SERIAL)",
            "  --host HOST:PORT        contact point, repeatable (default 127.0.0.1:9470)",
            "  --keyspace NAME         (default bench)   --rf N  replication factor (default 1)",
            "  --phase load|run|both   (default both)",
            "  --report-interval S     progress line period (default 5)",
            "  --json FILE             also write the results as JSON",
            "  --seed N                (default 42)   --max-scan-length N (default 100)");

    public static BenchOptions parse(String[] args) {
        BenchOptions o = new BenchOptions();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                throw new IllegalArgumentException(USAGE);
            }
            if (!a.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + a + " needs a value\n" + USAGE);
            }
            String v = args[++i];
            try {
                switch (a) {
                    case "--workload": o.workload = Workload.parse(v); break;
                    case "--records": o.records = positive(Long.parseLong(v), a); break;
                    case "--operations": o.operations = positive(Long.parseLong(v), a); break;
                    case "--duration": o.durationSeconds = positive(Double.parseDouble(v), a); break;
                    case "--warmup": o.warmupSeconds = Double.parseDouble(v); break;
                    case "--threads": o.threads = (int) positive(Integer.parseInt(v), a); break;
                    case "--concurrency": o.concurrency = (int) positive(Integer.parseInt(v), a); break;
                    case "--connections": o.connections = (int) positive(Integer.parseInt(v), a); break;
                    case "--target-rate": o.targetRate = Double.parseDouble(v); break;
                    case "--value-size": o.valueSize = (int) positive(Integer.parseInt(v), a); break;
                    case "--distribution": o.distribution = KeyDistribution.valueOf(v.toUpperCase()); break;
                    case "--consistency": o.consistency = v.toUpperCase(); break;
                    case "--host": o.hosts.add(v); break;
                    case "--keyspace": o.keyspace = v; break;
                    case "--rf": o.replicationFactor = (int) positive(Integer.parseInt(v), a); break;
                    case "--phase": o.phase = Phase.valueOf(v.toUpperCase()); break;
                    case "--report-interval": o.reportIntervalSeconds = positive(Double.parseDouble(v), a); break;
                    case "--json": o.jsonFile = v; break;
                    case "--seed": o.seed = Long.parseLong(v); break;
                    case "--max-scan-length": o.maxScanLength = (int) positive(Integer.parseInt(v), a); break;
                    case "--hot-keys": o.hotKeys = positive(Long.parseLong(v), a); break;
                    case "--serial-consistency": o.serialConsistency = serial(v); break;
                    default: throw new IllegalArgumentException("unknown option " + a + "\n" + USAGE);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("option " + a + ": not a number: " + v);
            }
        }
        if (o.hosts.isEmpty()) {
            o.hosts.add("127.0.0.1:9470");
        }
        return o;
    }

    KeyDistribution effectiveDistribution() {
        return distribution != null ? distribution : workload.defaultDistribution();
    }

    private static String serial(String v) {
        String level = v.toUpperCase();
        if (!level.equals("SERIAL") && !level.equals("LOCAL_SERIAL")) {
            throw new IllegalArgumentException("--serial-consistency is SERIAL or LOCAL_SERIAL, not " + v);
        }
        return level;
    }

    private static long positive(long v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
        return v;
    }

    private static double positive(double v, String name) {
        if (!(v > 0)) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
        return v;
    }

    public List<String> hosts() { return hosts; }
    public String keyspace() { return keyspace; }
    public int replicationFactor() { return replicationFactor; }
    public String consistency() { return consistency; }
    public String serialConsistency() { return serialConsistency; }
    public Phase phase() { return phase; }
    public String jsonFile() { return jsonFile; }
}
