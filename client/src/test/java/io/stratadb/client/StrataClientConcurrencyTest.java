package io.stratadb.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.stratadb.client.testing.FakeStrataServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many threads, many requests in flight on few connections: every answer must reach its own caller. */
class StrataClientConcurrencyTest {
    private FakeStrataServer server;
    private StrataClient client;

    @BeforeEach
    void setUp() {
        server = FakeStrataServer.start();
        client = StrataClient.builder().contactPoints(server.contactPoint()).defaultKeyspace("ks").ioThreads(2)
                .connectionsPerHost(2).maxRequestsPerConnection(256).build();
        client.createKeyspace("ks", 1);
    }

    @AfterEach
    void tearDown() {
        client.close();
        server.close();
    }

    @Test
    void hundredsOfConcurrentRequestsShareOneConnection() {
        try (FakeStrataServer own = FakeStrataServer.start();
             StrataClient single = StrataClient.builder().contactPoints(own.contactPoint()).defaultKeyspace("ks")
                     .ioThreads(1).connectionsPerHost(1).build()) {
            single.createKeyspace("ks", 1);
            List<CompletableFuture<Long>> puts = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                puts.add(single.putAsync("k" + i, "v" + i));
            }
            puts.forEach(CompletableFuture::join);
            List<CompletableFuture<ReadResult>> gets = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                gets.add(single.getAsync("k" + i));
            }
            for (int i = 0; i < 300; i++) {
                assertEquals("v" + i, gets.get(i).join().valueAsString(), "answer matched to the wrong request");
            }
            assertEquals(1, own.acceptedConnections());
        }
    }

    @Test
    void randomConcurrentOperationsMatchAModel() throws Exception {
        long seed = TestSeeds.seed("StrataClientConcurrencyTest.randomConcurrentOperationsMatchAModel");
        int threads = 3;
        int opsPerThread = 400; // paranoid leak detection makes each request cost ~1 ms in tests
        // Each thread owns its keys, so its own sequence of completed writes is the model for them.
        List<Map<String, String>> models = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        Map<Integer, Throwable> failures = new ConcurrentHashMap<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Map<String, String> model = new HashMap<>();
            models.add(model);
            Random random = new Random(seed + t);
            Thread worker = new Thread(() -> {
                try {
                    runOps(thread, random, opsPerThread, model);
                } catch (Throwable e) {
                    failures.put(thread, e);
                }
            }, "load-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join(TimeUnit.SECONDS.toMillis(60));
        }
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError("seed " + seed + ": workers failed: " + failures.keySet());
            failures.values().forEach(e::addSuppressed);
            throw e;
        }
        for (Map<String, String> model : models) {
            List<String> keys = new ArrayList<>(model.keySet());
            List<ReadResult> results = client.multiGetStrings(keys);
            for (int i = 0; i < keys.size(); i++) {
                assertEquals(model.get(keys.get(i)), results.get(i).valueAsString(), "seed " + seed + ", key " + keys.get(i));
            }
        }
    }

    /**
     * A window of async requests per key: writes to one key are issued one at a time (the next only after
     * the previous completed), so the model knows the final value, while many keys are in flight at once.
     */
    private void runOps(int thread, Random random, int ops, Map<String, String> model) throws Exception {
        Semaphore window = new Semaphore(32);
        Map<String, CompletableFuture<?>> lastByKey = new HashMap<>();
        for (int op = 0; op < ops; op++) {
            String key = "t" + thread + "-k" + random.nextInt(50);
            CompletableFuture<?> previous = lastByKey.get(key);
            if (previous != null) {
                previous.get(10, TimeUnit.SECONDS);
            }
            window.acquire();
            CompletableFuture<?> f;
            int kind = random.nextInt(10);
            if (kind < 5) {
                String value = "v" + op + "-" + random.nextInt(1000);
                model.put(key, value);
                f = client.putAsync(key, value);
            } else if (kind < 7) {
                model.put(key, null);
                f = client.deleteAsync(key);
            } else {
                String expected = model.get(key);
                f = client.getAsync(key).thenAccept(r -> {
                    if (expected == null) {
                        assertNull(r.valueAsString(), key);
                    } else {
                        assertEquals(expected, r.valueAsString(), key);
                    }
                });
            }
            f.whenComplete((r, e) -> window.release());
            lastByKey.put(key, f);
        }
        for (CompletableFuture<?> f : lastByKey.values()) {
            f.get(10, TimeUnit.SECONDS);
        }
    }
}
