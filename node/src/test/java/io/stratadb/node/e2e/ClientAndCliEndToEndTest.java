package io.stratadb.node.e2e;

import io.stratadb.client.KeyValue;
import io.stratadb.client.ReadResult;
import io.stratadb.client.RequestOptions;
import io.stratadb.client.StrataClient;
import io.stratadb.client.WriteOptions;
import io.stratadb.client.cli.StrataCli;
import io.stratadb.client.exception.InvalidRequestException;
import io.stratadb.client.exception.UnavailableException;
import io.stratadb.client.exception.UnknownKeyspaceException;
import io.stratadb.client.protocol.ConsistencyLevel;
import io.stratadb.node.StrataNode;
import io.stratadb.node.testing.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The user-facing Java client and CLI against a real node over real sockets. */
class ClientAndCliEndToEndTest {

    @TempDir
    Path dir;

    private StrataNode node;
    private StrataClient client;
    private String address;

    @BeforeEach
    void start() {
        node = new StrataNode(TestNodes.config(dir).build());
        node.start();
        address = "127.0.0.1:" + node.clientAddress().getPort();
        client = StrataClient.builder().contactPoints(address).defaultKeyspace("app").build();
    }

    @AfterEach
    void stop() {
        client.close();
        node.close();
    }

    @Test
    void everyOperationThroughTheJavaClient() throws Exception {
        assertTrue(client.createKeyspace("app", 1));
        assertTrue(client.keyspaces().stream().anyMatch(k -> k.name().equals("app")));

        long ts = client.put("k1", "v1");
        ReadResult r = client.get("k1");
        assertTrue(r.isPresent());
        assertEquals("v1", r.valueAsString());
        assertEquals(ts, r.writeTimestampMicros());
        client.put("empty".getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertTrue(client.get("empty").isPresent(), "an empty value is present, not absent");
        assertFalse(client.get("missing").isPresent());

        client.put("ttl", "gone-soon", WriteOptions.defaults().withTtlSeconds(3600));
        assertEquals("gone-soon", client.get("ttl").valueAsString());
        client.put("k1", "older", WriteOptions.defaults().withTimestampMicros(ts - 1));
        assertEquals("v1", client.get("k1").valueAsString(), "an older client timestamp loses");

        client.delete("k1");
        assertFalse(client.get("k1").isPresent());

        List<CompletableFuture<Long>> writes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            writes.add(client.putAsync("key" + i, "value" + i));
        }
        CompletableFuture.allOf(writes.toArray(new CompletableFuture[0])).get();
        List<ReadResult> many = client.multiGetStrings(List.of("key1", "key499", "nope"));
        assertEquals("value1", many.get(0).valueAsString());
        assertEquals("value499", many.get(1).valueAsString());
        assertFalse(many.get(2).isPresent());

        int rows = 0;
        for (KeyValue kv : client.scanAll(37)) {
            rows++;
        }
        assertEquals(500 + 2, rows, "500 keys plus 'empty' and 'ttl' in pages of 37");

        assertEquals(1, client.topology().nodes().size());

        assertThrows(UnknownKeyspaceException.class,
                () -> client.get("x".getBytes(), RequestOptions.defaults().withKeyspace("nope")));
        UnavailableException u = assertThrows(UnavailableException.class,
                () -> client.put("x".getBytes(), "y".getBytes(), WriteOptions.defaults().withConsistency(ConsistencyLevel.TWO)));
        assertTrue(u.requestHadNoEffect());
        assertThrows(InvalidRequestException.class, () -> client.put("big".getBytes(), new byte[(1 << 20) + 1]));
        assertFalse(client.get("big").isPresent());

        assertTrue(client.dropKeyspace("app"));
        assertThrows(UnknownKeyspaceException.class, () -> client.get("key1"));
    }

    @Test
    void cliAnswersOneJsonLinePerCommandFromStdin() {
        String script = String.join("\n",
                "create-keyspace shop --rf 1",
                "put apple red",
                "put pear \"pale green\"",
                "get pear",
                "get plum",
                "delete apple",
                "get apple",
                "keyspaces",
                "get",
                "") ;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new StrataCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(new String[] {"--host", address, "--keyspace", "shop", "--json"}, new BufferedReader(new StringReader(script)));
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(9, lines.length, out.toString(StandardCharsets.UTF_8));
        assertEquals("{\"status\":\"ok\"}", lines[0]);
        assertEquals("{\"status\":\"ok\",\"value\":\"pale green\"}", lines[3]);
        assertEquals("{\"status\":\"ok\",\"value\":null}", lines[4]);
        assertEquals("{\"status\":\"ok\",\"value\":null}", lines[6]);
        assertTrue(lines[7].contains("\"shop\""), lines[7]);
        assertTrue(lines[8].startsWith("{\"status\":\"USAGE_ERROR\""), lines[8]);
        assertEquals(1, exit, "stdin mode exits non-zero when a command failed");
    }

    @Test
    void cliOneShotExitCodes() {
        StrataCli cli = new StrataCli(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
        BufferedReader none = new BufferedReader(new StringReader(""));
        assertEquals(0, cli.run(new String[] {"--host", address, "create-keyspace", "one", "--rf", "1"}, none));
        assertEquals(0, cli.run(new String[] {"--host", address, "--keyspace", "one", "put", "k", "v"}, none));
        assertEquals(1, cli.run(new String[] {"--host", address, "--keyspace", "absent", "get", "k"}, none));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new StrataCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()))
                .run(new String[] {"--host", address, "--keyspace", "one", "--json", "get", "k"}, none);
        assertEquals("{\"status\":\"ok\",\"value\":\"v\"}", out.toString(StandardCharsets.UTF_8).trim());
    }
}
