package io.stratadb.node;

import io.stratadb.node.concurrent.NodeThreadFactory;
import io.stratadb.node.config.ConfigException;
import io.stratadb.node.config.NodeConfig;
import io.stratadb.node.config.YamlConfigLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * {@code java io.stratadb.node.StrataNodeMain [--conf FILE]}: runs one node until SIGTERM (or Ctrl-C),
 * which closes it gracefully through a shutdown hook. Relative paths in the configuration are resolved
 * against the {@code strata.home} system property (set by {@code bin/strata-node} to the installation
 * directory), else the working directory.
 *
 * <p>{@code --print-data-directory} prints the resolved data directory and exits, so the start script
 * learns where to put logs and the pid file with exactly the node's own path rules.
 *
 * <p>Exit codes: 0 after a clean shutdown, 1 if start-up failed, 2 for a bad command line or
 * configuration.
 */
public final class StrataNodeMain {

    private StrataNodeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path home = Path.of(System.getProperty("strata.home", ".")).toAbsolutePath().normalize();
        Path confFile = home.resolve("conf").resolve("strata.yaml");
        boolean printDataDirectory = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--conf" -> {
                    if (i + 1 >= args.length) {
                        usage("--conf needs a file");
                    }
                    confFile = Path.of(args[++i]).toAbsolutePath();
                }
                case "--print-data-directory" -> printDataDirectory = true;
                case "--help", "-h" -> {
                    System.out.println("usage: StrataNodeMain [--conf FILE] [--print-data-directory]");
                    return;
                }
                default -> usage("unknown argument " + args[i]);
            }
        }
        NodeConfig config;
        try {
            config = new YamlConfigLoader(home).load(confFile);
        } catch (ConfigException e) {
            System.err.println("Configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (printDataDirectory) {
            System.out.println(config.dataDirectory());
            return;
        }
        Logger log = LoggerFactory.getLogger(StrataNodeMain.class);
        log.info("Starting StrataDB node {} with {}", StrataNode.version(), confFile);
        StrataNode node = new StrataNode(config);
        Runtime.getRuntime().addShutdownHook(new NodeThreadFactory("strata", "shutdown").newThread(node::close));
        try {
            node.start();
        } catch (ConfigException e) {
            log.error("Configuration error: {}", e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            log.error("Start-up failed", e);
            System.exit(1);
        }
        node.awaitTermination();
    }

    private static void usage(String problem) {
        System.err.println(problem + "\nusage: StrataNodeMain [--conf FILE] [--print-data-directory]");
        System.exit(2);
    }
}
