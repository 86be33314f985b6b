package io.stratadb.storage.engine;

import com.codahale.metrics.MetricRegistry;
import io.stratadb.storage.Clock;
import io.stratadb.storage.StorageConfig;
import io.stratadb.storage.SyncMode;
import io.stratadb.storage.io.LocalFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A child JVM writes in GROUP mode and is killed with SIGKILL at a random moment, several times over
 * the same directory. After each kill the store must open cleanly and hold every write the child saw
 * acknowledged. Small memtables and segments make flushes, segment rolls and compactions happen
 * during the kills too. Seed printed; rerun with -Dseed=N.
 */
class CrashRecoveryIT {

    @TempDir
    Path dir;

    static StorageConfig config(Path dir) {
        return StorageConfig.builder(dir)
                .syncMode(SyncMode.GROUP)
                .memtableFlushThreshold(256 << 10)
                .segmentSize(1 << 20)
                .maxValueSize(4 << 10)
                .blockSize(2048)
                .build();
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("CrashRecoveryIT seed=" + seed + " (rerun with -Dseed=" + seed + ")");
        Random random = new Random(seed);
        Map<String, String> acknowledged = new HashMap<>();
        for (int run = 0; run < 5; run++) {
            int killAfter = 200 + random.nextInt(4000);
            Process child = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    CrashWriter.class.getName(), dir.toString(), Integer.toString(run), "16")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            int acks = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        String[] parts = line.split(" ", 3);
                        acknowledged.put(parts[1], parts[2]);
                        if (++acks >= killAfter) {
                            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flush
                            break;
                        }
                    }
                }
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child did not die");
            }
            assertTrue(acks >= killAfter, "child stopped early after " + acks + " acks (exit " + child.exitValue() + ")");

            try (StorageEngine engine = StorageEngine.open(config(dir), new LocalFileSystem(), Clock.system(), new MetricRegistry())) {
                int missing = 0;
                String firstMissing = null;
                for (Map.Entry<String, String> e : acknowledged.entrySet()) {
                    byte[] v = engine.get("crash", e.getKey().getBytes(StandardCharsets.UTF_8));
                    if (v == null || !e.getValue().equals(new String(v, StandardCharsets.UTF_8))) {
                        missing++;
                        if (firstMissing == null) {
                            firstMissing = e.getKey();
                        }
                    }
                }
                assertEquals(0, missing, "run " + run + ": " + missing + " of " + acknowledged.size()
                        + " acknowledged writes lost or wrong after SIGKILL, e.g. " + firstMissing + " (seed " + seed + ")");
            }
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
