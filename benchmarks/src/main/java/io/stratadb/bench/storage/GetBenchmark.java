package io.stratadb.bench.storage;

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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of {@link StorageEngine#get} over a store of {@code keyCount} keys (default 2^20, about a
 * million; 16-byte keys, 100-byte values), by where the answer comes from ({@code source}):
 *
 * <ul>
 *   <li>{@code MEMTABLE}: every key is still in the memtable (flush threshold raised above the data);
 *   <li>{@code SSTABLE_WARM}: the keys were flushed and major-compacted into one SSTable, and every
 *       block read once, so the block cache (512 MiB, larger than the data) answers every read;
 *   <li>{@code MISS}: the same SSTable store, asked for keys it does not hold; the bloom filter should
 *       turn away all but about 1%.
 * </ul>
 *
 * Each reader walks the pre-generated probe keys from its own offset; the keys' order is random in key
 * space. {@code get1Thread} and {@code get2Threads} are the same read with one and two JMH threads
 * (a {@code -t} option overrides both). Building the store takes seconds and is done once per trial.
 * Each iteration prints the CPU time a get cost ({@link CpuMeter}).
 *
 * <p>Run: {@code bin/strata-jmh GetBenchmark}, or one case, e.g.
 * {@code bin/strata-jmh 'GetBenchmark.get2Threads' -p source=SSTABLE_WARM}; for a quick try
 * {@code -p keyCount=100000}. Target on a 2-core machine: 300k gets/s from warm SSTables with 2 threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class GetBenchmark {

    public enum Source { MEMTABLE, SSTABLE_WARM, MISS }

    @Param({"MEMTABLE", "SSTABLE_WARM", "MISS"})
    public Source source;

    @Param({"1048576"})
    public int keyCount;

    private EngineFixture store;
    private StorageEngine engine;
    private byte[][] probes;
    private final List<Reader> readers = new CopyOnWriteArrayList<>();
    private final CpuMeter cpu = new CpuMeter();

    /** One reader's position in the probe keys, and its op count for {@link CpuMeter}. */
    @State(Scope.Thread)
    public static class Reader {
        int next;
        long ops;

        @Setup(Level.Trial)
        public void setUp(GetBenchmark b, ThreadParams thread) {
            next = (int) ((long) thread.getThreadIndex() * b.keyCount / thread.getThreadCount());
            b.readers.add(this);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        store = LoadedStore.load(keyCount, source == Source.MEMTABLE
                ? LoadedStore.Placement.MEMTABLE : LoadedStore.Placement.SSTABLES);
        engine = store.engine();
        // MISS probes are the next keyCount indexes: keys of the same shape that were never written.
        probes = KeySpace.keys(source == Source.MISS ? keyCount : 0, keyCount);
        boolean expectFound = source != Source.MISS;
        for (int i = 0; i < keyCount; i += 997) {
            LoadedStore.check((engine.get(EngineFixture.TABLE, probes[i]) != null) == expectFound,
                    "probe " + i + " found=" + !expectFound + " for source " + source);
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        readers.forEach(r -> r.ops = 0);
        cpu.start();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        System.out.println(cpu.report(readers.stream().mapToLong(r -> r.ops).sum()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println("After the trial: " + store.describe());
        store.close();
    }

    @Benchmark
    @Threads(1)
    public byte[] get1Thread(Reader r) {
        return read(r);
    }

    @Benchmark
    @Threads(2)
    public byte[] get2Threads(Reader r) {
        return read(r);
    }

    private byte[] read(Reader r) {
        int i = r.next;
        r.next = i + 1 == probes.length ? 0 : i + 1;
        r.ops++;
        return engine.get(EngineFixture.TABLE, probes[i]);
    }
}
