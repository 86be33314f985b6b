package io.stratadb.node.process;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * bin/strata-cluster's own commands on a cluster of one node, which needs no gossip: start with a
 * keyspace, status, kill, status of a dead node, start-node, stop-node, restart of the whole cluster on
 * its data, stop; and the refusals (unknown node, unknown command, no cluster).
 */
@Tag("cluster-process")
class SingleNodeClusterScriptIT {

    private static final Path SCRIPT = Path.of(System.getProperty("user.dir")).resolve("../bin/strata-cluster")
            .normalize();

    @TempDir
    Path dir;

    private boolean started;

    @AfterEach
    void stop() throws Exception {
        if (started) {
            assertEquals(0, run("stop").exit);
        }
    }

    @Test
    void lifecycleOfOneNode() throws Exception {
        int port;
        int internode;
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            port = a.getLocalPort();
            internode = b.getLocalPort();
        }
        started = true;
        Result start = run("start", "--nodes", "1", "--rf", "1", "--client-port", String.valueOf(port),
                "--internode-port", String.valueOf(internode));
        assertEquals(0, start.exit, start.output);
        assertTrue(start.output.contains("Keyspace bench (replication factor 1) ready"), start.output);
        assertTrue(start.output.contains("Contact points: 127.0.0.1:" + port), start.output);
        String yaml = Files.readString(dir.resolve("cluster/node1/strata.yaml"));
        assertTrue(yaml.contains("listen_address: 127.0.0.1"), yaml);

        Result status = run("status");
        assertEquals(0, status.exit, status.output);
        assertTrue(status.output.contains("alive") && status.output.contains("100.0%"), status.output);

        assertEquals(0, run("kill", "1").exit);
        Result dead = run("status");
        assertEquals(1, dead.exit, "status with no node alive fails");
        assertTrue(dead.output.contains("not running"), dead.output);

        Result back = run("start-node", "node1");
        assertEquals(0, back.exit, back.output);
        assertEquals(0, run("stop-node", "1").exit);
        Result again = run("start");
        assertEquals(0, again.exit, again.output);
        assertTrue(again.output.contains("Restarting the cluster of 1 node(s)"), again.output);

        assertEquals(1, run("kill", "2").exit, "there is no node 2");
        assertEquals(2, run("frobnicate").exit);
        Result none = run("status", "--dir", dir.resolve("nothing-here").toString());
        assertEquals(1, none.exit);
        assertFalse(none.output.isEmpty());
    }

    private record Result(int exit, String output) {
    }

    /** Runs the script from the test's directory; --dir defaults to this test's cluster unless given. */
    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        if (!command.contains("--dir")) {
            command.addAll(List.of("--dir", dir.resolve("cluster").toString()));
        }
        Path log = Files.createTempFile(dir, "out", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("strata-cluster " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }
}
