package io.stratadb.storage.sstable;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Cell;
import io.stratadb.storage.io.FileSystem;
import io.stratadb.storage.io.LocalFileSystem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures random gets per second over 1M keys (16-byte keys, 100-byte values) held in SSTables with
 * a warm block cache, and the bytes each get allocates. Each get asks every table, as the engine
 * does. Not a unit test (surefire ignores it) and not rigorous: the JMH suite in {@code benchmarks/}
 * is the place for numbers to publish. Run from the repository root:
 *
 * <pre>
 * mvn -q -o -pl storage-engine test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp storage-engine/target/classes:storage-engine/target/test-classes:$(cat /tmp/cp.txt) \
 *   io.stratadb.storage.sstable.SSTableGetThroughput [keys=1000000] [tables=1] [threads=2] [seconds=5] [compressible=false]
 * </pre>
 */
public final class SSTableGetThroughput {

    private SSTableGetThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int keys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int tables = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        boolean compressible = args.length > 4 && Boolean.parseBoolean(args[4]);
        FileSystem fs = new LocalFileSystem();
        Path dir = Files.createTempDirectory("sstable-throughput");
        SplittableRandom random = new SplittableRandom(1);
        byte[][] all = new byte[keys][];
        for (int i = 0; i < keys; i++) {
            all[i] = new byte[16];
            random.nextBytes(all[i]);
        }
        Arrays.sort(all, Arrays::compareUnsigned);
        SSTableCaches caches = new SSTableCaches(512L << 20, 64L << 20, new MetricRegistry());
        SSTableMetrics metrics = new SSTableMetrics(new MetricRegistry());
        SSTableReader[] readers = new SSTableReader[tables];
        long start = System.nanoTime();
        for (int t = 0; t < tables; t++) {
            Path path = dir.resolve(t + ".sst");
            // Keys are spread round-robin so every table spans the whole key range, as after flushes.
            try (SSTableWriter w = SSTableWriter.create(fs, path, SSTableOptions.of(16 << 10, true, 0.01), keys / tables + 1)) {
                for (int i = t; i < keys; i += tables) {
                    byte[] value = new byte[100];
                    random.nextBytes(value);
                    if (compressible) { // 60% of each value repeats, so LZ4 pays and blocks are stored compressed
                        Arrays.fill(value, 0, 60, (byte) 'x');
                    }
                    w.append(all[i], Cell.value(value, i));
                }
                w.finish();
            }
            readers[t] = SSTableReader.open(fs, path, t, caches, metrics);
        }
        System.out.printf("wrote %d keys into %d table(s) in %d ms (%d bytes on disk)%n", keys, tables,
                (System.nanoTime() - start) / 1_000_000, Arrays.stream(readers).mapToLong(SSTableReader::sizeOnDisk).sum());
        for (byte[] k : all) {
            lookup(readers, k);
        }
        for (int round = 0; round < 2; round++) { // the first round is JIT warm-up
            run(readers, all, threads, round == 0 ? 2 : seconds, round == 0 ? "warm-up" : "measured");
        }
        System.out.printf("block cache hit rate %.4f, blocks read from disk %d%n",
                caches.blocks().stats().hitRate(), metrics.dataBlocksReadFromDisk());
        for (SSTableReader r : readers) {
            r.markObsolete();
            r.release();
        }
        Files.deleteIfExists(dir);
    }

    private static void run(SSTableReader[] readers, byte[][] all, int threads, int seconds, String label)
            throws InterruptedException {
        AtomicLong ops = new AtomicLong();
        AtomicLong allocated = new AtomicLong();
        com.sun.management.ThreadMXBean mx =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long seed = t;
            workers[t] = new Thread(() -> {
                SplittableRandom r = new SplittableRandom(seed);
                long n = 0;
                long allocatedBefore = mx.getCurrentThreadAllocatedBytes();
                try {
                    while ((n & 1023) != 0 || System.nanoTime() < deadline) {
                        if (lookup(readers, all[r.nextInt(all.length)]) == null) {
                            throw new AssertionError("a present key was not found");
                        }
                        n++;
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
                allocated.addAndGet(mx.getCurrentThreadAllocatedBytes() - allocatedBefore);
                ops.addAndGet(n);
            });
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.printf("%s: %d threads, %,.0f gets/s, %d bytes allocated per get%n", label, threads,
                ops.get() / (double) seconds, allocated.get() / Math.max(1, ops.get()));
    }

    /** What the engine does: ask every table, keep the newest version. */
    private static Cell lookup(SSTableReader[] readers, byte[] key) throws IOException {
        Cell best = null;
        for (SSTableReader r : readers) {
            Cell c = r.get(key);
            if (c != null) {
                best = best == null ? c : Cell.reconcile(best, c);
            }
        }
        return best;
    }
}
