package io.stratadb.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stratadb.client.testing.FakeStrataServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * bin/strata-cli as a user runs it: a separate JVM started by the bash wrapper, from another directory,
 * on the jar and target/lib that {@code mvn package} produced (failsafe runs this after packaging).
 */
class StrataCliScriptIT {
    private static final Path SCRIPT = Path.of(System.getProperty("user.dir")).resolve("../bin/strata-cli")
            .normalize();

    private final FakeStrataServer server = FakeStrataServer.start();

    @AfterEach
    void tearDown() {
        server.close();
    }

    private record Result(int exit, List<String> stdout) {
    }

    private Result run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        Path elsewhere = Files.createTempDirectory("strata-cli-it");
        Process process = new ProcessBuilder(command).directory(elsewhere.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "strata-cli did not finish");
        Files.delete(elsewhere);
        return new Result(process.exitValue(), out.isEmpty() ? List.of() : List.of(out.split("\n")));
    }

    @Test
    void stdinModeThroughTheWrapper() throws Exception {
        Result r = run("create-keyspace ks --rf 1\nput k \"v 1\"\nget k\nget missing\n",
                "--host", server.contactPoint(), "--keyspace", "ks", "--json");
        assertEquals(List.of("{\"status\":\"ok\"}", "{\"status\":\"ok\"}", "{\"status\":\"ok\",\"value\":\"v 1\"}",
                "{\"status\":\"ok\",\"value\":null}"), r.stdout());
        assertEquals(0, r.exit());
    }

    @Test
    void oneShotExitCodes() throws Exception {
        assertEquals(0, run("", "--host", server.contactPoint(), "keyspaces").exit());
        Result failed = run("", "--host", server.contactPoint(), "--keyspace", "nope", "--json", "get", "k");
        assertEquals(1, failed.exit());
        assertTrue(failed.stdout().get(0).startsWith("{\"status\":\"UNKNOWN_KEYSPACE\""), failed.stdout().get(0));
        assertEquals(2, run("", "get").exit());
    }
}
