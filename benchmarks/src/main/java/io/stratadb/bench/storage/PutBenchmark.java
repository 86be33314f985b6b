package io.stratadb.bench.storage;

import io.stratadb.storage.Cell;
import io.stratadb.storage.Mutation;
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

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * Throughput of writes with random 16-byte keys and 100-byte values, per commit-log sync mode
 * ({@code syncMode}): {@code PERIODIC} acknowledges once the entry is queued (fsync every 100 ms),
 * {@code GROUP} only after the fsync that covers it, so a GROUP put is durable when it returns.
 *
 * <ul>
 *   <li>{@code put}: blocking {@link StorageEngine#put} from one writer ({@code -t N} for N);
 *   <li>{@code put64Writers}: the same from 64 JMH threads, which is what lets GROUP share one fsync
 *       among many writes (at most one entry per blocked writer per fsync);
 *   <li>{@code putAsync}: GROUP only, one thread keeping {@code inFlight} (default 256)
 *       {@link StorageEngine#applyAsync} writes outstanding, as the node's event loops do: the same
 *       durability, without a thread per outstanding write. Shows how far GROUP goes when the number
 *       of writers is not the limit.
 * </ul>
 *
 * <p>Everything else is the engine's default configuration, so the score includes the background work
 * a sustained write load causes: memtable flushes every 64 MiB (blocking writers wait when two are
 * pending) and size-tiered compaction throttled at 64 MiB/s. Keys come from a pre-generated pool of
 * 2^21 that each writer walks from its own offset, so later iterations overwrite keys. Each
 * iteration prints the CPU time a put cost, split by thread role ({@link CpuMeter}); the trial's
 * teardown prints commit-log fsync latency and entries per fsync.
 *
 * <p>Run: {@code bin/strata-jmh PutBenchmark} (five cases), or e.g.
 * {@code bin/strata-jmh 'PutBenchmark.put64Writers' -p syncMode=GROUP}. A {@code -t N} option
 * overrides the thread count of every method. Targets on a 2-core machine: 500k puts/s PERIODIC,
 * 150k durable puts/s GROUP with 64 writers.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class PutBenchmark {

    static final int KEY_POOL = 1 << 21;

    /** An engine in a scratch directory and the key pool; subclasses choose the sync mode. */
    abstract static class EngineState {
        EngineFixture fixture;
        StorageEngine engine;
        byte[][] keys;
        byte[][] values;
        final LongAdder ops = new LongAdder();
        final CpuMeter cpu = new CpuMeter();

        void openWith(SyncMode mode) {
            keys = KeySpace.keys(0, KEY_POOL);
            values = KeySpace.values(KeySpace.VALUE_SIZE);
            fixture = EngineFixture.open("strata-put-", b -> b.syncMode(mode));
            engine = fixture.engine();
        }

        @Setup(Level.Iteration)
        public void startIteration() {
            ops.reset();
            cpu.start();
        }

        @TearDown(Level.Iteration)
        public void endIteration() {
            System.out.println(cpu.report(ops.sum()));
        }

        @TearDown(Level.Trial)
        public void close() {
            System.out.println("After the trial: " + fixture.describe());
            System.out.println("Writes: " + fixture.describeWrites());
            fixture.close();
        }
    }

    /** The engine under test, with the sync mode given as a parameter. */
    @State(Scope.Benchmark)
    public static class Store extends EngineState {
        @Param({"PERIODIC", "GROUP"})
        public SyncMode syncMode;

        @Setup(Level.Trial)
        public void open() {
            openWith(syncMode);
        }
    }

    /** A GROUP-mode engine for {@code putAsync}; the sync mode is not a parameter there. */
    @State(Scope.Benchmark)
    public static class GroupStore extends EngineState {
        @Setup(Level.Trial)
        public void open() {
            openWith(SyncMode.GROUP);
        }
    }

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

        int nextIndex() {
            int i = next;
            next = (i + 1) & (KEY_POOL - 1);
            return i;
        }
    }

    /** A writer that keeps up to {@code inFlight} asynchronous writes outstanding. */
    @State(Scope.Thread)
    public static class AsyncWriter extends Writer {
        @Param({"256"})
        public int inFlight;

        Semaphore window;
        BiConsumer<Void, Throwable> done;
        volatile Throwable failure;

        @Setup(Level.Trial)
        public void open() {
            window = new Semaphore(inFlight);
            done = (ok, error) -> {
                if (error != null) {
                    failure = error;
                }
                window.release();
            };
        }

        /** Lets the iteration's outstanding writes finish, so they do not spill into the next one. */
        @TearDown(Level.Iteration)
        public void drain() throws InterruptedException {
            window.acquire(inFlight);
            window.release(inFlight);
        }
    }

    @Benchmark
    public void put(Store s, Writer w) {
        int i = w.nextIndex();
        s.ops.increment();
        s.engine.put(EngineFixture.TABLE, s.keys[i], KeySpace.valueFor(s.values, i), w.timestamp++);
    }

    @Benchmark
    @Threads(64)
    public void put64Writers(Store s, Writer w) {
        int i = w.nextIndex();
        s.ops.increment();
        s.engine.put(EngineFixture.TABLE, s.keys[i], KeySpace.valueFor(s.values, i), w.timestamp++);
    }

    @Benchmark
    public void putAsync(GroupStore s, AsyncWriter w) throws Throwable {
        if (w.failure != null) {
            throw w.failure;
        }
        w.window.acquire();
        int i = w.nextIndex();
        s.ops.increment();
        Mutation m = new Mutation(EngineFixture.TABLE, s.keys[i], Cell.value(KeySpace.valueFor(s.values, i), w.timestamp++));
        s.engine.applyAsync(m).whenComplete(w.done);
    }
}
