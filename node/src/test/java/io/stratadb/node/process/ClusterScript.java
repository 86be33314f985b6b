package io.stratadb.node.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/strata-cluster} on one cluster directory, from another current directory, as a user
 * would; node I listens on 127.0.0.I. Safe to call from several threads (each run has its own output file).
 */
final class ClusterScript {

    private static final Path SCRIPT = Path.of(System.getProperty("user.dir")).resolve("../bin/strata-cluster")
            .normalize();

    record Result(int exit, String output) {
    }

    private final Path dir;

    /** {@code dir}: the test's temporary directory; the cluster lives in {@code dir/cluster}. */
    ClusterScript(Path dir) {
        this.dir = dir;
    }

    Path clusterDir() {
        return dir.resolve("cluster");
    }

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--dir", clusterDir().toString()));
        Path log = Files.createTempFile(dir, "strata-cluster", ".out");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("strata-cluster " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** A client and an internode port free on 127.0.0.1 to 127.0.0.3. */
    static int[] freePortPair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int client;
            int internode;
            try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
                client = a.getLocalPort();
                internode = b.getLocalPort();
            }
            if (freeOnAllNodes(client) && freeOnAllNodes(internode)) {
                return new int[] {client, internode};
            }
        }
        throw new IOException("no free port pair on 127.0.0.1-3");
    }

    private static boolean freeOnAllNodes(int port) {
        for (int node = 1; node <= 3; node++) {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0." + node), port));
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
