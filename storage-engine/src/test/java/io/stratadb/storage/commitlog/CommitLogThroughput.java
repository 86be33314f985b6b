package io.stratadb.storage.commitlog;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import io.stratadb.storage.Cell;
import io.stratadb.storage.Clock;
import io.stratadb.storage.Mutation;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.SyncMode;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.LocalFileSystem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Measures GROUP-mode commit-log throughput as the engine's writers see it: {@code threads} threads
 * each append a 100-byte value under a 16-byte key and wait for its acknowledgement before the next
 * (synchronous appends). Throughput is then bounded by fsync latency times entries per fsync, which is
 * what segment preallocation is meant to improve. Each run uses a fresh directory and the default
 * segment size, so segment switches (and, with preallocation, zero-filling the spare) happen during
 * the measurement. Prints appends/s, mean entries per fsync and the fsync latency (the latter from a
 * decaying reservoir, so approximate) per run, then the medians.
 *
 * <p>Not a unit test (surefire ignores it) and not rigorous: the machine is shared, so compare medians
 * of runs made back to back. Run from the repository root:
 *
 * <pre>
 * mvn -q -o -pl storage-engine test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp storage-engine/target/classes:storage-engine/target/test-classes:$(cat /tmp/cp.txt) \
 *   io.stratadb.storage.commitlog.CommitLogThroughput [threads=64] [seconds=10] [runs=3] [dir=a new temp dir] [segmentMiB=32]
 * </pre>
 *
 * The directory must be on the disk being measured (not tmpfs, where fsync costs nothing).
 */
public final class CommitLogThroughput {

    private static final int KEY_BYTES = 16;
    private static final int VALUE_BYTES = 100;
    private static final long WARMUP_NANOS = TimeUnit.SECONDS.toNanos(2);

    private CommitLogThroughput() {
    }

    /** One measured run. */
    private record Result(double appendsPerSecond, double entriesPerFsync, double meanFsyncMicros,
            double medianFsyncMicros, double p99FsyncMicros) {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path root = args.length > 3 ? Path.of(args[3]) : Files.createTempDirectory("commitlog-throughput");
        int segmentMiB = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        System.out.printf("GROUP mode, %d threads, %d-byte keys, %d-byte values, %d MiB segments, %d s per run"
                        + " after %d s warm-up, in %s%n", threads, KEY_BYTES, VALUE_BYTES, segmentMiB, seconds,
                TimeUnit.NANOSECONDS.toSeconds(WARMUP_NANOS), root);
        List<Result> results = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Result r = run(root.resolve("run-" + run), threads, seconds, segmentMiB);
            results.add(r);
            print("run " + run, r);
        }
        print("median of " + runs, new Result(median(results, Result::appendsPerSecond),
                median(results, Result::entriesPerFsync), median(results, Result::meanFsyncMicros),
                median(results, Result::medianFsyncMicros), median(results, Result::p99FsyncMicros)));
    }

    private static void print(String what, Result r) {
        System.out.printf(Locale.ROOT, "%s: %,.0f appends/s, %.1f entries/fsync, fsync mean %.0f us, median %.0f us,"
                        + " p99 %.0f us%n", what, r.appendsPerSecond(), r.entriesPerFsync(), r.meanFsyncMicros(),
                r.medianFsyncMicros(), r.p99FsyncMicros());
    }

    private static Result run(Path dataDir, int threadCount, int seconds, int segmentMiB) throws Exception {
        StorageConfig config = StorageConfig.builder(dataDir).syncMode(SyncMode.GROUP).segmentSize(segmentMiB << 20)
                .build();
        FileSystem fs = new LocalFileSystem();
        MetricRegistry metrics = new MetricRegistry();
        LongAdder acks = new LongAdder();
        Result result;
        try (CommitLog log = CommitLog.open(config, fs, Clock.system(), metrics, CommitLogTestSupport.threads())) {
            log.replay(m -> { });
            log.start();
            Timer syncs = metrics.timer(CommitLogMetrics.SYNC_LATENCY);
            long start = System.nanoTime();
            long measureFrom = start + WARMUP_NANOS;
            long end = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                SplittableRandom random = new SplittableRandom(t);
                writers.add(new Thread(() -> {
                    byte[] value = new byte[VALUE_BYTES];
                    random.nextBytes(value);
                    for (long i = 0; System.nanoTime() < end; i++) {
                        byte[] key = ByteBuffer.allocate(KEY_BYTES).putLong(random.nextLong()).putLong(i).array();
                        log.append(new Mutation("t", key, Cell.value(value, i))).join();
                        acks.increment();
                    }
                }, "throughput-writer-" + t));
            }
            writers.forEach(Thread::start);
            sleepUntil(measureFrom);
            long acksBefore = acks.sum();
            long syncsBefore = syncs.getCount();
            long t0 = System.nanoTime();
            sleepUntil(end);
            long elapsed = System.nanoTime() - t0;
            long appended = acks.sum() - acksBefore;
            long synced = syncs.getCount() - syncsBefore;
            Snapshot latency = syncs.getSnapshot();
            for (Thread t : writers) {
                t.join();
            }
            result = new Result(appended * 1e9 / elapsed, synced == 0 ? 0 : (double) appended / synced,
                    latency.getMean() / 1e3, latency.getMedian() / 1e3, latency.get99thPercentile() / 1e3);
        }
        deleteRecursively(fs, config.commitLogDirectory());
        deleteRecursively(fs, dataDir);
        return result;
    }

    private static void sleepUntil(long deadline) throws InterruptedException {
        for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    /** Removes the run's files so runs do not fill the disk; directories last. */
    private static void deleteRecursively(FileSystem fs, Path dir) throws IOException {
        for (Path p : fs.list(dir)) {
            fs.delete(p);
        }
        Files.deleteIfExists(dir);
    }

    private static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> field) {
        double[] values = results.stream().mapToDouble(field).toArray();
        Arrays.sort(values);
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
