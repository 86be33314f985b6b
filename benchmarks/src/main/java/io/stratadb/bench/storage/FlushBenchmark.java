package io.stratadb.bench.storage;

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
 * Time for {@link StorageEngine#flush} to turn a full memtable of {@code memtableMiB} (default 64, the
 * default flush threshold; the engine's own accounting of key, value and per-entry overhead) into an
 * SSTable: switch generations, write the SSTable (LZ4 blocks, bloom filter, index; fsync, rename),
 * make the manifest durable, delete the commit-log segments it covered. About 275k entries of 16-byte
 * keys and 100-byte random (incompressible) values, about 35 MB on disk.
 *
 * <p>Each iteration opens a fresh engine in a new directory and fills the memtable (flush threshold
 * raised so nothing flushes early) in setup; the single measured op is the flush. A fresh store per
 * iteration keeps compactions of earlier iterations' files out of the measurement. The memtable-to-disk
 * rate is printed after each iteration, with the CPU time per MB written ({@link CpuMeter}).
 *
 * <p>Run: {@code bin/strata-jmh FlushBenchmark} (5 measured flushes); quick try {@code -p memtableMiB=8}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class FlushBenchmark {

    /** Entries of a 16-byte key and a 100-byte value, as the memtable accounts them (overhead 96, cell 32). */
    private static final int ACCOUNTED_ENTRY_BYTES = 96 + KeySpace.KEY_SIZE + 32 + KeySpace.VALUE_SIZE;

    @Param({"64"})
    public int memtableMiB;

    private byte[][] keys;
    private byte[][] values;
    private EngineFixture store;
    private long flushNanos;
    private final CpuMeter cpu = new CpuMeter();

    @Setup(Level.Trial)
    public void generateKeys() {
        keys = KeySpace.keys(0, (int) ((long) memtableMiB * (1 << 20) / ACCOUNTED_ENTRY_BYTES * 11 / 10));
        values = KeySpace.values(KeySpace.VALUE_SIZE);
    }

    @Setup(Level.Iteration)
    public void fillMemtable() {
        long target = (long) memtableMiB << 20;
        store = EngineFixture.open("strata-flush-", b -> b.syncMode(SyncMode.PERIODIC)
                .memtableFlushThreshold(4 * target + (64L << 20)));
        StorageEngine engine = store.engine();
        long timestamp = System.currentTimeMillis() * 1000;
        int i = 0;
        while (store.memtableBytes() < target) {
            for (int end = i + 1024; i < end; i++) {
                engine.put(EngineFixture.TABLE, keys[i], KeySpace.valueFor(values, i), timestamp);
            }
        }
        LoadedStore.check(store.sstableCount() == 0, "memtable flushed early: " + store.describe());
        cpu.start();
    }

    @Benchmark
    public void flush() {
        long start = System.nanoTime();
        store.engine().flush();
        flushNanos = System.nanoTime() - start;
    }

    @TearDown(Level.Iteration)
    public void closeStore() {
        try {
            LoadedStore.check(store.memtableBytes() == 0 && store.sstableCount() == 1, "flush incomplete: " + store.describe());
            System.out.printf("%nflushed %d MiB of memtable into %.1f MB of SSTable in %.0f ms: %.0f MB/s written%n",
                    memtableMiB, store.sstableBytes() / 1e6, flushNanos / 1e6, store.sstableBytes() / 1e3 / (flushNanos / 1e6));
            System.out.println(cpu.report(store.sstableBytes() / 1e6, "MB written"));
        } finally {
            store.close();
        }
    }
}
