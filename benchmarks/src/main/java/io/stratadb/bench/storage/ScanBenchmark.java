package io.stratadb.bench.storage;

import io.stratadb.storage.engine.ScanResult;
import io.stratadb.storage.engine.StorageEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of {@link StorageEngine#scan} pages of {@code pageSize} live entries (default 100), each
 * starting after a random existing key, over the same store as {@link GetBenchmark}'s
 * {@code SSTABLE_WARM}: {@code keyCount} keys (default 2^20) flushed and major-compacted into one
 * SSTable. Scans read blocks through the file, not the block cache (so that a long scan does not evict
 * what point reads need), so "warm" here means the OS page cache: setup scans the whole table once.
 * A page is one op; multiply by {@code pageSize} for entries/s. Runs with one thread; {@code -t 2} for
 * two. Each iteration prints the CPU time a page cost ({@link CpuMeter}).
 *
 * <p>Run: {@code bin/strata-jmh ScanBenchmark}; for a quick try {@code -p keyCount=100000}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class ScanBenchmark {

    @Param({"100"})
    public int pageSize;

    @Param({"1048576"})
    public int keyCount;

    private EngineFixture store;
    private StorageEngine engine;
    private byte[][] starts;
    private final List<Scanner> scanners = new CopyOnWriteArrayList<>();
    private final CpuMeter cpu = new CpuMeter();

    /** One scanner's position in the start keys, and its op count for {@link CpuMeter}. */
    @State(Scope.Thread)
    public static class Scanner {
        int next;
        long ops;

        @Setup(Level.Trial)
        public void setUp(ScanBenchmark b, ThreadParams thread) {
            next = (int) ((long) thread.getThreadIndex() * b.keyCount / thread.getThreadCount());
            b.scanners.add(this);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        store = LoadedStore.load(keyCount, LoadedStore.Placement.SSTABLES);
        engine = store.engine();
        starts = KeySpace.keys(0, keyCount);
        // Warm the scan path once from the first key to the last, touching every block through the scanner.
        byte[] after = null;
        long seen = 0;
        do {
            ScanResult page = engine.scan(EngineFixture.TABLE, after, 1000);
            seen += page.entries().size();
            after = page.nextPageKey();
        } while (after != null);
        LoadedStore.check(seen == keyCount, "full scan saw " + seen + " of " + keyCount + " keys");
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        scanners.forEach(s -> s.ops = 0);
        cpu.start();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        System.out.println(cpu.report(scanners.stream().mapToLong(s -> s.ops).sum()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println("After the trial: " + store.describe());
        store.close();
    }

    @Benchmark
    public ScanResult scan(Scanner s) {
        int i = s.next;
        s.next = i + 1 == starts.length ? 0 : i + 1;
        s.ops++;
        return engine.scan(EngineFixture.TABLE, starts[i], pageSize);
    }
}
