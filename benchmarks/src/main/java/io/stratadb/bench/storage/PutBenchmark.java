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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

import java.util.concurrent.TimeUnit;

/**
 * Throughput of {@link StorageEngine#put} with random 16-byte keys and 100-byte values, per commit-log
 * sync mode ({@code syncMode}): {@code PERIODIC} acknowledges once the entry is queued (fsync every
 * 100 ms), {@code GROUP} only after the fsync that covers it, so a GROUP put is durable when it returns.
 * JMH threads are concurrent writers: {@code put} runs with one writer (or {@code -t N}), and
 * {@code put64Writers} with 64, which is what lets GROUP share one fsync among many writes.
 *
 * <p>Everything else is the engine's default configuration, so the score includes the background work
 * a sustained write load causes: memtable flushes every 64 MiB (writers wait when two are pending) and
 * size-tiered compaction throttled at 64 MiB/s. Keys come from a pre-generated pool of 2^21 that each
 * writer walks from its own offset, so later iterations overwrite keys (some still in a memtable).
 *
 * <p>Run: {@code bin/strata-jmh PutBenchmark} (all four combinations), or e.g.
 * {@code bin/strata-jmh 'PutBenchmark.put64Writers' -p syncMode=GROUP}; {@code -t N} overrides the
 * writer count of both methods. Targets on a 2-core machine: 500k puts/s PERIODIC, 150k durable puts/s
 * GROUP with 64 writers.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@State(Scope.Benchmark)
public class PutBenchmark {

    static final int KEY_POOL = 1 << 21;

    @Param({"PERIODIC", "GROUP"})
    public SyncMode syncMode;

    private EngineFixture store;
    private StorageEngine engine;
    private byte[][] keys;
    private byte[][] values;

    /** One writer's position in the key pool and its next timestamp. */
    @State(Scope.Thread)
    public static class Writer {
        int next;
        long timestamp;

        @Setup(Level.Trial)
        public void setUp(ThreadParams thread) {
            next = (int) ((long) thread.getThreadIndex() * KEY_POOL / thread.getThreadCount());
            timestamp = System.currentTimeMillis() * 1000;
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        keys = KeySpace.keys(0, KEY_POOL);
        values = KeySpace.values(KeySpace.VALUE_SIZE);
        store = EngineFixture.open("strata-put-", b -> b.syncMode(syncMode));
        engine = store.engine();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        System.out.println("After the trial: " + store.describe());
        store.close();
    }

    @Benchmark
    public void put(Writer w) {
        write(w);
    }

    @Benchmark
    @Threads(64)
    public void put64Writers(Writer w) {
        write(w);
    }

    private void write(Writer w) {
        int i = w.next;
        w.next = (i + 1) & (KEY_POOL - 1);
        engine.put(EngineFixture.TABLE, keys[i], KeySpace.valueFor(values, i), w.timestamp++);
    }
}
