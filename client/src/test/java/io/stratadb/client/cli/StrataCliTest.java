package io.stratadb.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.stratadb.client.testing.FakeStrataServer;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The CLI end to end against a local fake server: one-shot mode, stdin mode, JSON, exit codes. */
class StrataCliTest {
    private final FakeStrataServer server = FakeStrataServer.start();
    private final ObjectMapper mapper = new ObjectMapper();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private record Run(int exit, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n")); // no answer is an empty line
        }
    }

    private Run cli(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new StrataCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args, new BufferedReader(new StringReader(stdin)));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String[] args(String... rest) {
        List<String> all = new ArrayList<>(List.of("--host", server.contactPoint(), "--keyspace", "ks"));
        all.addAll(List.of(rest));
        return all.toArray(String[]::new);
    }

    private JsonNode json(String line) throws Exception {
        return mapper.readTree(line);
    }

    @Test
    void oneCommandPerRunWithExitCodes() {
        assertEquals(0, cli("", args("create-keyspace", "ks", "--rf", "1")).exit());
        Run put = cli("", args("put", "k", "hello world"));
        assertEquals(new Run(0, "OK\n", ""), put);
        assertEquals(new Run(0, "\"hello world\"\n", ""), cli("", args("get", "k")));
        assertEquals(new Run(0, "(not found)\n", ""), cli("", args("get", "missing")));
        Run failed = cli("", args("--keyspace", "nope", "get", "k"));
        assertEquals(1, failed.exit());
        assertEquals("", failed.out());
        assertTrue(failed.err().startsWith("ERROR UNKNOWN_KEYSPACE: "), failed.err());
        Run usage = cli("", args("get"));
        assertEquals(2, usage.exit());
        assertTrue(usage.err().startsWith("ERROR USAGE_ERROR: "), usage.err());
    }

    @Test
    void jsonAnswersForEveryCommand() throws Exception {
        assertEquals("{\"status\":\"ok\"}\n", cli("", args("--json", "create-keyspace", "ks", "--rf", "1")).out());
        assertEquals("{\"status\":\"ok\"}\n", cli("", args("--json", "put", "k", "v", "--ttl", "60")).out());
        assertEquals("{\"status\":\"ok\",\"value\":\"v\"}\n", cli("", args("--json", "get", "k")).out());
        assertEquals("{\"status\":\"ok\",\"value\":null}\n", cli("", args("--json", "get", "nope")).out());
        assertEquals("{\"status\":\"ok\",\"values\":[{\"key\":\"k\",\"value\":\"v\"},{\"key\":\"x\",\"value\":null}]}\n",
                cli("", args("--json", "multi-get", "k", "x")).out());
        assertEquals("{\"status\":\"ok\",\"keyspaces\":[\"ks\"]}\n", cli("", args("--json", "keyspaces")).out());
        assertEquals("{\"status\":\"ok\",\"rows\":[{\"key\":\"k\",\"value\":\"v\"}],\"next\":null}\n",
                cli("", args("--json", "scan")).out());
        assertEquals("ok", json(cli("", args("--json", "topology")).out()).get("status").asText());
        assertEquals("{\"status\":\"ok\"}\n", cli("", args("--json", "delete", "k")).out());
        assertEquals("{\"status\":\"ok\"}\n", cli("", args("--json", "drop-keyspace", "ks")).out());
        Run error = cli("", args("--json", "drop-keyspace", "ks"));
        assertEquals(1, error.exit());
        JsonNode e = json(error.out());
        assertEquals("UNKNOWN_KEYSPACE", e.get("status").asText());
        assertTrue(e.get("message").asText().contains("ks"));
    }

    @Test
    void stdinModeAnswersEachCommandWithExactlyOneLine() throws Exception {
        String script = String.join("\n",
                "create-keyspace ks --rf 1",
                "put k1 \"a value\\nwith a line break\"",
                "",
                "# comments and blank lines are not commands",
                "put k2 ''",
                "get k1",
                "get k2",
                "get k3",
                "bogus command",
                "scan --limit 1",
                "keyspaces",
                "help",
                "delete k1",
                "get k1");
        Run run = cli(script + "\n", args("--json"));
        List<String> lines = run.lines();
        assertEquals(12, lines.size(), run.out());
        assertEquals("{\"status\":\"ok\"}", lines.get(0));
        assertEquals("{\"status\":\"ok\"}", lines.get(1));
        assertEquals("{\"status\":\"ok\"}", lines.get(2));
        assertEquals("a value\nwith a line break", json(lines.get(3)).get("value").asText());
        assertEquals("{\"status\":\"ok\",\"value\":\"\"}", lines.get(4), "empty, not missing");
        assertEquals("{\"status\":\"ok\",\"value\":null}", lines.get(5));
        assertEquals("USAGE_ERROR", json(lines.get(6)).get("status").asText());
        JsonNode scan = json(lines.get(7));
        assertEquals(1, scan.get("rows").size());
        assertTrue(scan.get("next").isTextual(), "a second row remains");
        assertEquals("{\"status\":\"ok\",\"keyspaces\":[\"ks\"]}", lines.get(8));
        assertTrue(json(lines.get(9)).get("help").asText().contains("create-keyspace"));
        assertEquals("{\"status\":\"ok\"}", lines.get(10));
        assertEquals("{\"status\":\"ok\",\"value\":null}", lines.get(11));
        assertEquals(1, run.exit(), "one command failed");
    }

    @Test
    void serialCommandsAnswerAppliedOrTheCurrentValue() throws Exception {
        assertEquals(0, cli("", args("create-keyspace", "ks", "--rf", "1")).exit());
        assertEquals(new Run(0, "{\"status\":\"ok\",\"applied\":true}\n", ""),
                cli("", args("--json", "put-if-absent", "k", "v1")));
        assertEquals(new Run(0, "{\"status\":\"ok\",\"applied\":false,\"value\":\"v1\"}\n", ""),
                cli("", args("--json", "put-if-absent", "k", "v2")));
        assertEquals(new Run(0, "{\"status\":\"ok\",\"applied\":false,\"value\":\"v1\"}\n", ""),
                cli("", args("--json", "cas", "k", "v0", "v2")), "not applied is an answer, not a failure");
        assertEquals(new Run(0, "{\"status\":\"ok\",\"applied\":true}\n", ""), cli("", args("--json", "cas", "k", "v1", "v2")));
        assertEquals(new Run(0, "{\"status\":\"ok\",\"value\":\"v2\"}\n", ""), cli("", args("--json", "get", "k", "--serial")));
        assertEquals(new Run(0, "{\"status\":\"ok\",\"applied\":true}\n", ""), cli("", args("--json", "delete-if", "k", "v2")));
        assertEquals(new Run(0, "{\"status\":\"ok\",\"applied\":false,\"value\":null}\n", ""),
                cli("", args("--json", "cas", "k", "v2", "v3")));
        assertEquals(new Run(0, "{\"status\":\"ok\",\"applied\":true}\n", ""),
                cli("", args("--json", "put", "k", "v4", "--serial", "--ttl", "60")));

        assertEquals(new Run(0, "not applied (current: v4)\n", ""), cli("", args("cas", "k", "x", "y")));
        assertEquals(new Run(0, "applied\n", ""), cli("", args("--serial-consistency", "LOCAL_SERIAL", "cas", "k", "v4", "v 5")));
        assertEquals(new Run(0, "\"v 5\"\n", ""), cli("", args("get", "--serial", "k")));
        assertEquals(new Run(0, "not applied (current: (not found))\n", ""), cli("", args("delete-if", "absent", "x")));
        Run usage = cli("", args("cas", "k", "only-expected"));
        assertEquals(2, usage.exit());
        assertTrue(usage.err().contains("KEY EXPECTED NEW"), usage.err());
    }

    @Test
    void aSerialWriteThatTimesOutSaysSoAndFails() throws Exception {
        assertEquals(0, cli("", args("create-keyspace", "ks", "--rf", "1")).exit());
        server.setResponder(request -> io.stratadb.client.protocol.message.error.ErrorResponse.timeout(
                io.stratadb.client.protocol.ConsistencyLevel.SERIAL,
                io.stratadb.client.protocol.message.error.TimeoutKind.PROPOSE, 1, 2));
        Run run = cli("", args("--json", "cas", "k", "a", "b"));
        assertEquals(1, run.exit());
        JsonNode e = json(run.out());
        assertEquals("TIMEOUT", e.get("status").asText());
        assertTrue(e.get("message").asText().contains("propose"), e.get("message").asText());
    }

    @Test
    void stdinScanPagesFollowTheNextState() throws Exception {
        StringBuilder script = new StringBuilder("create-keyspace ks --rf 1\n");
        for (int i = 0; i < 5; i++) {
            script.append("put k").append(i).append(" v\n");
        }
        cli(script.toString(), args());
        List<String> keys = new ArrayList<>();
        String next = null;
        do {
            String command = "scan --limit 2" + (next == null ? "" : " --page " + next);
            JsonNode page = json(cli(command + "\n", args("--json")).lines().get(0));
            page.get("rows").forEach(r -> keys.add(r.get("key").asText()));
            next = page.get("next").isNull() ? null : page.get("next").asText();
        } while (next != null);
        assertEquals(5, keys.size());
    }

    @Test
    void stdinModeInTextAlsoKeepsOneLinePerAnswer() {
        Run run = cli("create-keyspace ks --rf 1\nput k \"x y\"\nget k\nget nope\nhelp\n", args());
        assertEquals(List.of("OK", "OK", "\"x y\"", "(not found)"), run.lines().subList(0, 4));
        assertEquals(5, run.lines().size());
        assertEquals(0, run.exit());
    }

    @Test
    void withoutAServerEachCommandFailsButHelpWorks() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run run = cli("help\nget k\nget k\n", "--host", "127.0.0.1:" + port, "--json");
        List<String> lines = run.lines();
        assertEquals(3, lines.size());
        assertEquals("ok", json(lines.get(0)).get("status").asText());
        assertEquals("NO_NODE_AVAILABLE", json(lines.get(1)).get("status").asText());
        assertEquals("NO_NODE_AVAILABLE", json(lines.get(2)).get("status").asText(), "retried, failed again");
        assertEquals(1, run.exit());
        assertEquals(0, cli("", "--host", "127.0.0.1:" + port, "help").exit());
    }

    @Test
    void badGlobalOptionsPrintUsage() {
        Run run = cli("", "--consistency", "MOST", "get", "k");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("unknown consistency level"), run.err());
        assertTrue(run.err().contains("usage: strata-cli"), run.err());
        Run help = cli("", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("create-keyspace"));
    }

    @Test
    void aKeyspaceIsNeededForDataCommands() throws Exception {
        Run run = cli("", "--host", server.contactPoint(), "--json", "get", "k");
        assertEquals(2, run.exit());
        JsonNode e = json(run.out());
        assertEquals("USAGE_ERROR", e.get("status").asText());
        assertTrue(e.get("message").asText().contains("keyspace"));
    }
}
