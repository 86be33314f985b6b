package io.stratadb.node.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratadb.client.StrataClient;
import io.stratadb.client.admin.StrataAdmin;
import io.stratadb.client.exception.InvalidRequestException;
import io.stratadb.client.exception.UnknownKeyspaceException;
import io.stratadb.client.protocol.message.admin.AdminResult;
import io.stratadb.node.StrataNode;
import io.stratadb.node.testing.TestNodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ADMIN over real sockets against one real node: the Java client's admin calls and bin/strata-admin's main class. */
class AdminEndToEndTest {

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();
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
    void everyReportOverTheWire() throws Exception {
        assertTrue(client.createKeyspace("app", 1));
        for (int i = 0; i < 50; i++) {
            client.put("k" + i, "v".repeat(100));
        }

        JsonNode status = json(client.admin("status", Map.of()));
        assertEquals(1, status.get("version").asInt());
        assertEquals(1, status.get("nodes").size());
        JsonNode self = status.get("nodes").get(0);
        assertEquals(node.hostId(), self.get("hostId").asText());
        assertEquals(address, self.get("address").asText());
        assertEquals("UP", self.get("state").asText());
        assertEquals(100.0, self.get("ownershipPercent").asDouble(), 1e-9);
        assertEquals(node.tokens().size(), self.get("tokens").asInt());

        JsonNode ring = json(client.admin("ring", Map.of()));
        assertEquals(node.tokens().size(), ring.get("tokens").size());

        JsonNode info = json(client.admin("info", Map.of()));
        assertEquals(node.hostId(), info.get("hostId").asText());
        assertEquals("app", info.get("keyspaces").get(0).get("name").asText());
        assertEquals(node.schema().version().toString(), info.get("schemaVersion").asText());
        assertTrue(info.get("memtableBytes").asLong() > 0, "the writes are in a memtable");

        JsonNode flushed = json(client.admin("flush", Map.of("keyspace", "app")));
        assertTrue(flushed.get("loadBytes").asLong() > 0, "flush wrote SSTables");
        assertEquals(0, json(client.admin("info", Map.of())).get("memtableBytes").asLong());

        JsonNode compacted = json(client.admin("compact", Map.of()));
        assertTrue(compacted.get("tables").size() >= 1);

        JsonNode gossip = json(client.admin("gossipinfo", Map.of()));
        assertEquals(1, gossip.get("endpoints").size(), "a node alone gossips its own state only");
        JsonNode own = gossip.get("endpoints").get(0);
        assertEquals(node.hostId(), own.get("hostId").asText());
        assertEquals(node.hostId(), own.get("states").get("HOST_ID").get("value").asText());
        assertEquals(own.get("generation").asLong(), info.get("generation").asLong(),
                "info's generation is the node's own gossip generation");
        assertTrue(info.get("generation").asLong() > 0);
        assertEquals(0, json(client.admin("hints", Map.of())).get("totalPending").asLong());
        assertEquals("v".repeat(100), client.get("k7").valueAsString(), "data survives flush and compaction");
    }

    @Test
    void flushAndCompactAnswerAsynchronouslyAndManyAtOnce() throws Exception {
        client.createKeyspace("app", 1);
        client.put("k", "v");
        CompletableFuture<?>[] all = new CompletableFuture<?>[8];
        for (int i = 0; i < all.length; i++) {
            all[i] = client.adminAsync(i % 2 == 0 ? "flush" : "compact", Map.of("keyspace", "app"));
        }
        CompletableFuture.allOf(all).get(60, TimeUnit.SECONDS);
    }

    @Test
    void badCommandsAreClearErrorsAndTheConnectionStaysUsable() {
        InvalidRequestException unknown = assertThrows(InvalidRequestException.class,
                () -> client.admin("explode", Map.of()));
        assertTrue(unknown.getMessage().contains("status"), unknown.getMessage());
        assertThrows(InvalidRequestException.class, () -> client.admin("status", Map.of("keyspace", "app")));
        assertThrows(UnknownKeyspaceException.class, () -> client.admin("compact", Map.of("keyspace", "nope")));
        assertEquals(1, json(client.admin("status", Map.of())).get("nodes").size());
    }

    @Test
    void strataAdminPrintsTablesOrJsonAndExitsNonZeroOnErrors() throws Exception {
        Run status = admin("--host", address, "status");
        assertEquals(0, status.exit, status.err);
        assertTrue(status.out.startsWith("HOST ID"), status.out);
        assertTrue(status.out.contains(node.hostId() + " *"), status.out);
        assertTrue(status.out.contains("100.0%"), status.out);

        Run json = admin("--host", address, "--json", "info");
        assertEquals(0, json.exit, json.err);
        assertEquals(node.hostId(), mapper.readTree(json.out).get("hostId").asText());

        Run missing = admin("--host", address, "flush", "nope");
        assertEquals(1, missing.exit);
        assertTrue(missing.err.contains("nope"), missing.err);

        Run usage = admin("--host", address, "bogus");
        assertEquals(2, usage.exit);

        int freePort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        Run down = admin("--host", "127.0.0.1:" + freePort, "--timeout", "2000", "status");
        assertEquals(1, down.exit);
        assertTrue(down.err.contains("cannot connect"), down.err);
    }

    private JsonNode json(AdminResult r) {
        try {
            return mapper.readTree(r.json());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + r.json(), e);
        }
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run admin(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new StrataAdmin(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
