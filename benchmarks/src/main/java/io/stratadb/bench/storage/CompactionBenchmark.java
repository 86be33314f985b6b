package io.stratadb.bench.storage;

import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.SyncMode;
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

import java.util.concurrent.TimeUnit;

/**
 * Time for {@link StorageEngine#majorCompact} to merge four overlapping SSTables of on average
 * {@code averageSSTableMiB} (default 32, so about 134 MB of input) into one, with the compaction
 * throttle off. Input MB/s = input bytes / score: the input size is printed at setup and the rate
 * after each iteration (MB = 10^6 bytes), with the CPU time per input MB ({@link CpuMeter}):
 * 1e6 / (CPU us per MB) is the MB/s one fully available core would give.
 *
 * <p>The four files hold 0.625, 0.75, 1.25 and 1.375 times the average, each sharing half of its keys
 * with the file before it (the newer file wins), 16-byte keys and 100-byte random values. Their sizes
 * differ on purpose: four files of equal size form one size-tiered bucket, which the engine would
 * compact by itself as soon as it opens. These fall into two buckets of two, so nothing runs until the
 * benchmark asks.
 *
 * <p>The files are written once per trial into a template directory; each iteration copies it (so the
 * inputs are in the page cache, and the benchmark measures merging and writing, not cold reads),
 * opens an engine on the copy in setup, and measures only the major compaction.
 *
 * <p>Run: {@code bin/strata-jmh CompactionBenchmark}; quick try {@code -p averageSSTableMiB=4}.
 * Target: 100 MB/s of input on a 2-core machine.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class CompactionBenchmark {

    /** Input file sizes relative to the average: two size-tiered buckets of two files each. */
    private static final double[] RELATIVE_SIZES = {0.625, 0.75, 1.25, 1.375};
    /** Approximate on-disk bytes of one entry (16-byte key, 100-byte value, framing, index, bloom). */
    private static final int DISK_ENTRY_BYTES = 130;

    @Param({"32"})
    public int averageSSTableMiB;

    private EngineFixture template;
    private ScratchDirectory templateFiles;
    private EngineFixture store;
    private long inputBytes;
    private long compactNanos;
    private final CpuMeter cpu = new CpuMeter();

    @Setup(Level.Trial)
    public void writeInputs() {
        template = EngineFixture.open("strata-compaction-template-", CompactionBenchmark::tune);
        StorageEngine engine = template.engine();
        byte[][] values = KeySpace.values(KeySpace.VALUE_SIZE);
        long timestamp = System.currentTimeMillis() * 1000;
        long first = 0;
        for (double relative : RELATIVE_SIZES) {
            int count = (int) (relative * averageSSTableMiB * (1 << 20) / DISK_ENTRY_BYTES);
            for (long i = first; i < first + count; i++) {
                engine.put(EngineFixture.TABLE, KeySpace.key(i), KeySpace.valueFor(values, i), timestamp);
            }
            engine.flush();
            first += count / 2;
            timestamp += 1_000_000;
        }
        LoadedStore.check(template.sstableCount() == RELATIVE_SIZES.length
                && template.counter("compaction.completed") == 0, "inputs were compacted early: " + template.describe());
        inputBytes = template.sstableBytes();
        System.out.printf("%nCompaction input: %s%n", template.describe());
        templateFiles = template.directory();
        template.engine().close(); // the files stay; the directory is deleted at the end of the trial
    }

    @Setup(Level.Iteration)
    public void copyInputs() {
        ScratchDirectory copy = ScratchDirectory.create("strata-compaction-");
        copy.copyFrom(templateFiles.path());
        store = EngineFixture.openIn(copy, CompactionBenchmark::tune);
        LoadedStore.check(store.sstableCount() == RELATIVE_SIZES.length && store.gauge("compaction.pending") == 0,
                "unexpected input state: " + store.describe());
        cpu.start();
    }

    @Benchmark
    public void majorCompact() {
        long start = System.nanoTime();
        store.engine().majorCompact(EngineFixture.TABLE);
        compactNanos = System.nanoTime() - start;
    }

    @TearDown(Level.Iteration)
    public void closeStore() {
        try {
            LoadedStore.check(store.sstableCount() == 1, "major compaction left " + store.describe());
            System.out.printf("%ncompacted %.1f MB into %.1f MB in %.0f ms: %.1f MB/s of input%n",
                    inputBytes / 1e6, store.sstableBytes() / 1e6, compactNanos / 1e6,
                    inputBytes / 1e3 / (compactNanos / 1e6));
            System.out.println(cpu.report(inputBytes / 1e6, "MB of input"));
        } finally {
            store.close();
        }
    }

    @TearDown(Level.Trial)
    public void deleteInputs() {
        templateFiles.close();
    }

    private static StorageConfig.Builder tune(StorageConfig.Builder b) {
        return b.syncMode(SyncMode.PERIODIC)
                // Small commit-log segments: the engine zero-fills each new one in the background, and a
                // 32 MiB fill right after open would compete with the compaction being measured.
                .maxValueSize(4 << 10)
                .segmentSize(1 << 20)
                .memtableFlushThreshold(1L << 30)      // only the explicit flushes make files
                .sizeTieredMinSSTableSize(0)           // bucket by size ratio only (see the class comment)
                .compactionThroughputMiBPerSec(0);
    }
}
