package io.stratadb.storage.engine;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Clock;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.SyncMode;
import io.stratadb.storage.io.LocalFileSystem;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The child process of {@link CrashRecoveryIT}: writes in GROUP mode from several threads and prints
 * {@code ACK <key> <value>} for every write the engine acknowledged, until it is killed.
 * Arguments: data directory, run number, thread count.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int run = Integer.parseInt(args[1]);
        int threads = Integer.parseInt(args[2]);
        StorageConfig config = CrashRecoveryIT.config(dir);
        StorageEngine engine = StorageEngine.open(config, new LocalFileSystem(), Clock.system(), new MetricRegistry());
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        AtomicLong counter = new AtomicLong();
        Thread[] writers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            writers[t] = new Thread(() -> {
                while (true) {
                    long n = counter.getAndIncrement();
                    String key = "r" + run + "-k" + n;
                    String value = "v" + n + "-" + "x".repeat((int) (n % 200));
                    engine.put("crash", key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8),
                            Clock.system().currentTimeMicros());
                    synchronized (out) {
                        out.println("ACK " + key + " " + value);
                        out.flush();
                    }
                }
            });
            writers[t].start();
        }
        for (Thread w : writers) {
            w.join();
        }
    }
}
