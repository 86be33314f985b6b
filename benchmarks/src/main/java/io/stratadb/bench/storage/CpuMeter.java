package io.stratadb.bench.storage;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time per operation over one iteration, for the whole JVM and split by thread role (benchmark
 * threads, commit-log writer, flush/compaction pool, ...). On a shared machine throughput swings with
 * other people's load, but the CPU an operation costs barely does, so this is the number to compare
 * with the cores available: with C microseconds of CPU per op, {@code cores * 1e6 / C} ops/s is the
 * ceiling.
 *
 * <p>The total comes from the process's CPU time. The split comes from per-thread CPU clocks, which on
 * this project's firecracker VMs over-count when dozens of threads block and wake (their sum then
 * exceeds the process's CPU time); the split is left out when that happens.
 */
final class CpuMeter {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final Map<Long, Long> startByThread = new HashMap<>();
    private long startWall;
    private long startProcess;

    void start() {
        startByThread.clear();
        for (long id : threads.getAllThreadIds()) {
            startByThread.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        }
        startProcess = os.getProcessCpuTime();
        startWall = System.nanoTime();
    }

    /** One line: CPU microseconds per op in total and per thread role, and cores kept busy. */
    String report(long ops) {
        return report(ops, "op");
    }

    /** As {@link #report(long)}, per {@code units} of something else (e.g. MB compacted). */
    String report(double ops, String unit) {
        long wall = System.nanoTime() - startWall;
        long process = os.getProcessCpuTime() - startProcess;
        Map<String, Long> byRole = new TreeMap<>();
        long javaThreads = 0;
        for (long id : threads.getAllThreadIds()) {
            long now = threads.getThreadCpuTime(id);
            ThreadInfo info = threads.getThreadInfo(id, 64);
            if (now < 0 || info == null) {
                continue;
            }
            long used = now - startByThread.getOrDefault(id, 0L);
            javaThreads += used;
            byRole.merge(role(info), used, Long::sum);
        }
        StringBuilder sb = new StringBuilder(String.format("CPU per %s %.2f us (%.2f cores busy):", unit,
                perOp(process, ops), (double) process / wall));
        if (javaThreads > process * 1.1) {
            return sb.append(String.format(" no split (thread clocks sum to %.1fx the process CPU)",
                    (double) javaThreads / process)).toString();
        }
        byRole.put("JVM (GC, JIT)", Math.max(0, process - javaThreads));
        byRole.forEach((role, nanos) -> {
            if (perOp(nanos, ops) >= 0.01) {
                sb.append(String.format(" %s %.2f;", role, perOp(nanos, ops)));
            }
        });
        return sb.toString();
    }

    private static double perOp(long nanos, double ops) {
        return ops == 0 ? 0 : nanos / 1e3 / ops;
    }

    /** What a thread does, from its name and, for the engine's pooled threads, its stack. */
    private static String role(ThreadInfo info) {
        String name = info.getThreadName();
        if (name.contains("jmh-worker")) {
            return "benchmark threads";
        }
        if (!name.startsWith("strata-storage")) {
            return "other Java threads";
        }
        for (StackTraceElement e : info.getStackTrace()) {
            String c = e.getClassName();
            if (c.endsWith("CommitLogWriter")) {
                return "commit-log writer";
            }
            if (c.endsWith("SpareSegmentPreparer")) {
                return "segment preparer";
            }
        }
        return "flush+compaction threads";
    }
}
