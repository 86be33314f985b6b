package io.stratadb.node;

import io.stratadb.client.protocol.Bytes;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.client.protocol.codec.Envelope;
import io.stratadb.client.protocol.message.data.KeyedValue;
import io.stratadb.client.protocol.message.data.MultiGetRequest;
import io.stratadb.client.protocol.message.data.MultiGetResult;
import io.stratadb.client.protocol.message.data.PutResult;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceRequest;
import io.stratadb.client.protocol.message.schema.CreateKeyspaceResult;
import io.stratadb.node.testing.ProtocolClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.stratadb.node.testing.Requests.bytes;
import static io.stratadb.node.testing.Requests.createKeyspace;
import static io.stratadb.node.testing.Requests.put;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The real main class in a child JVM, configured by a file this test writes: writes acknowledged in group
 * mode must all be readable after the process is killed with SIGKILL (no shutdown hook, no flush) and
 * restarted, twice over; the last run is stopped with SIGTERM, which must shut it down cleanly. Writes
 * are pipelined so many are in flight at the kill. Seed printed; rerun with -Dseed=N.
 */
class StrataNodeCrashIT {

    private static final Pattern READY = Pattern.compile("ready: clients on [^,]*:(\\d+),");
    private static final int WINDOW = 32;

    @TempDir
    Path dir;
    private final ExecutorService outputReaders = Executors.newCachedThreadPool();
    private final List<Process> children = new ArrayList<>();

    @AfterEach
    void cleanUp() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
        }
        outputReaders.shutdownNow();
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkillAndRestart() throws Exception {
        long seed = Long.getLong("seed", System.nanoTime());
        System.out.println("StrataNodeCrashIT seed=" + seed + " (rerun with -Dseed=" + seed + ")");
        Random random = new Random(seed);
        Path conf = dir.resolve("strata.yaml");
        Files.writeString(conf, String.join("\n",
                "cluster_name: CrashTest",
                "client_port: 0",
                "internode_port: 0",
                "data_directory: " + dir.resolve("node"),
                "commitlog_sync: group",
                "commitlog_segment_size_mb: 2",
                "memtable_flush_threshold_mb: 1",
                "max_value_size_kb: 64",
                "block_cache_mb: 8",
                "index_cache_mb: 4",
                "client_event_loop_threads: 2",
                ""));
        Map<String, String> acknowledged = new HashMap<>();
        int next = 0;
        for (int run = 0; run < 2; run++) {
            Child child = start(conf);
            try (ProtocolClient c = ProtocolClient.connect(child.address)) {
                if (run == 0) {
                    c.expect(createKeyspace("crash", 1), CreateKeyspaceResult.class);
                }
                verify(c, acknowledged);
                int killAfter = 300 + random.nextInt(1500);
                next = writeUntil(c, acknowledged, next, killAfter, random);
            }
            child.process.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
            assertTrue(child.process.waitFor(30, TimeUnit.SECONDS), "child did not die");
        }
        Child last = start(conf);
        try (ProtocolClient c = ProtocolClient.connect(last.address)) {
            verify(c, acknowledged);
        }
        // SIGTERM: the shutdown hook closes the node gracefully. Through the handle, because
        // Process.destroy() also closes our end of the child's output, hiding what it logs on the way out.
        last.process.toHandle().destroy();
        assertTrue(last.process.waitFor(60, TimeUnit.SECONDS), "SIGTERM did not stop the node");
        assertTrue(last.sawLine("Node stopped"), "no clean shutdown in the log (exit " + last.process.exitValue() + "):\n" + String.join("\n", last.seen()));
    }

    /** Pipelined puts (up to WINDOW in flight); records each as soon as its acknowledgement arrives. */
    private static int writeUntil(ProtocolClient c, Map<String, String> acknowledged, int next, int acks, Random random)
            throws IOException {
        Map<Integer, String[]> inFlight = new HashMap<>();
        int received = 0;
        while (received < acks) {
            while (inFlight.size() < WINDOW) {
                String key = "key-" + next++;
                String value = "value-" + key + "-" + "x".repeat(random.nextInt(200));
                inFlight.put(c.send(put("crash", key, value)), new String[] {key, value});
            }
            Envelope e = c.receive();
            if (!(e.message() instanceof PutResult)) {
                fail("write failed: " + e.message());
            }
            String[] kv = inFlight.remove(e.streamId());
            acknowledged.put(kv[0], kv[1]);
            received++;
        }
        return next;
    }

    private static void verify(ProtocolClient c, Map<String, String> acknowledged) throws IOException {
        List<String> keys = new ArrayList<>(acknowledged.keySet());
        int missing = 0;
        String firstMissing = null;
        for (int from = 0; from < keys.size(); from += 200) {
            List<String> batch = keys.subList(from, Math.min(keys.size(), from + 200));
            List<Bytes> asBytes = batch.stream().map(k -> bytes(k)).toList();
            MultiGetResult r = c.expect(new MultiGetRequest("crash", ConsistencyLevel.ONE, asBytes), MultiGetResult.class);
            for (int i = 0; i < batch.size(); i++) {
                KeyedValue kv = r.results().get(i);
                if (!kv.result().found() || !kv.result().value().equals(bytes(acknowledged.get(batch.get(i))))) {
                    missing++;
                    firstMissing = firstMissing == null ? batch.get(i) : firstMissing;
                }
            }
        }
        assertEquals(0, missing, missing + " of " + keys.size() + " acknowledged writes lost, e.g. " + firstMissing);
    }

    private record Child(Process process, InetSocketAddress address, BlockingQueue<String> lines, List<String> seen) {
        boolean sawLine(String text) throws InterruptedException {
            while (true) {
                String line = lines.poll(30, TimeUnit.SECONDS);
                if (line == null || line.equals(EOF)) {
                    return seen.stream().anyMatch(l -> l.contains(text));
                }
                seen.add(line);
                if (line.contains(text)) {
                    return true;
                }
            }
        }
    }

    private static final String EOF = "\u0000EOF";

    /** Starts the main class and waits for its "ready" line, which names the port it bound. */
    private Child start(Path conf) throws IOException, InterruptedException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path logback = Path.of("..", "conf", "logback.xml").toAbsolutePath().normalize();
        Process p = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + logback,
                StrataNode.class.getPackageName() + ".StrataNodeMain", "--conf", conf.toString())
                .redirectErrorStream(true)
                .start();
        children.add(p);
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(100_000);
        outputReaders.execute(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.offer(line);
                }
            } catch (IOException ignored) {
                // the child died; EOF below tells the reader
            } finally {
                lines.offer(EOF);
            }
        });
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            if (line.equals(EOF)) {
                fail("node exited before it was ready (exit " + p.waitFor() + "):\n" + String.join("\n", seen));
            }
            seen.add(line);
            Matcher m = READY.matcher(line);
            if (m.find()) {
                return new Child(p, new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1))), lines, seen);
            }
        }
        fail("node not ready within 60 s:\n" + String.join("\n", seen));
        return null;
    }
}
