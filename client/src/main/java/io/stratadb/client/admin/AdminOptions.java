package io.stratadb.client.admin;

import io.stratadb.client.protocol.message.admin.AdminCommand;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * strata-admin's command line: {@code [--host HOST:PORT] [--json] [--timeout MILLIS] COMMAND [ARG]}.
 * Options come before the command; {@code --name=value} works too.
 *
 * @param timeout the request timeout; {@code null} for the command's default (see {@link #effectiveTimeout})
 */
record AdminOptions(String host, boolean json, Duration timeout, boolean help, AdminCommand command,
                    Map<String, String> arguments) {
    static final String DEFAULT_HOST = "127.0.0.1:9470";
    /** Reports read memory on the node: a few seconds is plenty. */
    static final Duration REPORT_TIMEOUT = Duration.ofSeconds(10);
    /** A major compaction of a large table takes minutes. */
    static final Duration MAINTENANCE_TIMEOUT = Duration.ofMinutes(30);

    static final String USAGE = String.join("\n",
            "usage: strata-admin [--host HOST:PORT] [--json] [--timeout MILLIS] COMMAND [ARG]",
            "  --host HOST:PORT   the node to ask (default " + DEFAULT_HOST + ")",
            "  --json             print the node's JSON answer instead of tables",
            "  --timeout MILLIS   request timeout (default 10 s; 30 min for flush and compact)",
            "commands:",
            "  status             every node: address, datacenter, rack, state, load, ownership, tokens",
            "  ring               every token and the node that owns it",
            "  info               this node: host id, uptime, load, schema, generation, heap, keyspaces",
            "  flush [KEYSPACE]   flush memtables to SSTables",
            "  compact [KEYSPACE] major compaction of every table, or of one keyspace",
            "  gossipinfo         every endpoint's gossip state and phi, as this node sees it",
            "  hints              hints stored on this node, per target node",
            "exit status: 0 success, 1 the request failed, 2 usage error",
            "");

    static AdminOptions parse(String[] args) throws AdminUsageException {
        String host = DEFAULT_HOST;
        boolean json = false;
        boolean help = false;
        Duration timeout = null;
        int i = 0;
        for (; i < args.length && args[i].startsWith("-"); i++) {
            String arg = args[i];
            int eq = arg.indexOf('=');
            String name = eq >= 0 ? arg.substring(0, eq) : arg;
            switch (name) {
                case "--json" -> json = true;
                case "--help", "-h" -> help = true;
                case "--host", "--timeout" -> {
                    String value = eq >= 0 ? arg.substring(eq + 1) : null;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new AdminUsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    if (name.equals("--host")) {
                        host = value;
                    } else {
                        timeout = timeout(value);
                    }
                }
                default -> throw new AdminUsageException("unknown option " + arg);
            }
        }
        if (help) {
            return new AdminOptions(host, json, timeout, true, null, Map.of());
        }
        List<String> words = List.of(args).subList(i, args.length);
        if (words.isEmpty()) {
            throw new AdminUsageException("no command; one of: " + AdminCommand.names());
        }
        AdminCommand command = AdminCommand.fromWireName(words.get(0));
        if (command == null) {
            throw new AdminUsageException("unknown command '" + words.get(0) + "'; one of: " + AdminCommand.names());
        }
        Map<String, String> arguments = new LinkedHashMap<>();
        if (command.arguments().contains(AdminCommand.KEYSPACE)) {
            if (words.size() > 2) {
                throw new AdminUsageException(command.wireName() + " takes at most one KEYSPACE");
            }
            if (words.size() == 2) {
                arguments.put(AdminCommand.KEYSPACE, words.get(1));
            }
        } else if (words.size() > 1) {
            throw new AdminUsageException(command.wireName() + " takes no argument");
        }
        return new AdminOptions(host, json, timeout, false, command, Map.copyOf(arguments));
    }

    Duration effectiveTimeout() {
        if (timeout != null) {
            return timeout;
        }
        return command != null && command.isMaintenance() ? MAINTENANCE_TIMEOUT : REPORT_TIMEOUT;
    }

    private static Duration timeout(String value) throws AdminUsageException {
        try {
            long millis = Long.parseLong(value);
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new AdminUsageException("--timeout needs a positive number of milliseconds, not '" + value + "'");
    }
}
