package io.stratadb.client.cli;

import io.stratadb.client.protocol.ConsistencyLevel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CLI's own options, which come before the command: {@code [--host HOST:PORT]... [--keyspace KS]
 * [--consistency CL] [--serial-consistency SERIAL|LOCAL_SERIAL] [--timeout MILLIS] [--json] [--help]}. {@code --name=value} works too. The first word
 * that is not an option starts the command; everything from there on belongs to it.
 *
 * @param command the command's words; empty for stdin mode
 */
record CliOptions(List<String> hosts, String keyspace, ConsistencyLevel consistency,
                  ConsistencyLevel serialConsistency, Duration timeout, boolean json, boolean help, List<String> command) {
    static final String DEFAULT_HOST = "127.0.0.1:9470";

    static final String USAGE = String.join("\n",
            "usage: strata-cli [--host HOST:PORT]... [--keyspace KS] [--consistency CL] [--serial-consistency CL]"
                    + " [--timeout MILLIS] [--json] [COMMAND ARGS...]",
            "  --host HOST:PORT   a node to connect to (repeatable; default " + DEFAULT_HOST + ")",
            "  --keyspace KS      keyspace of get/put/delete/multi-get/scan",
            "  --consistency CL   ONE (default), TWO, THREE, QUORUM, ALL, ANY, LOCAL_ONE, LOCAL_QUORUM, EACH_QUORUM;",
            "                     for serial writes (cas, put-if-absent, delete-if, put --serial): the commit level",
            "  --serial-consistency CL",
            "                     Paxos level of serial writes and of get --serial: SERIAL (default) or LOCAL_SERIAL",
            "  --timeout MILLIS   client-side request timeout (default 5000)",
            "  --json             answer with one JSON object per command",
            "Without a command, reads commands from stdin, one per line, and answers each with one line.",
            "");

    static CliOptions parse(String[] args) throws UsageException {
        List<String> hosts = new ArrayList<>();
        String keyspace = null;
        ConsistencyLevel consistency = null;
        ConsistencyLevel serialConsistency = null;
        Duration timeout = null;
        boolean json = false;
        boolean help = false;
        int i = 0;
        for (; i < args.length && args[i].startsWith("-"); i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inlineValue = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            switch (name) {
                case "--json" -> json = true;
                case "--help", "-h" -> help = true;
                case "--host", "--keyspace", "--consistency", "--serial-consistency", "--timeout" -> {
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new UsageException(name + " needs a value");
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--host" -> hosts.add(value);
                        case "--keyspace" -> keyspace = value;
                        case "--consistency" -> consistency = consistency(value);
                        case "--serial-consistency" -> serialConsistency = serialConsistency(value);
                        default -> timeout = timeout(value);
                    }
                }
                default -> throw new UsageException("unknown option " + arg);
            }
        }
        if (hosts.isEmpty()) {
            hosts.add(DEFAULT_HOST);
        }
        List<String> command = List.of(args).subList(i, args.length);
        return new CliOptions(List.copyOf(hosts), keyspace, consistency, serialConsistency, timeout, json, help,
                command);
    }

    private static ConsistencyLevel consistency(String value) throws UsageException {
        try {
            return ConsistencyLevel.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown consistency level '" + value + "'");
        }
    }

    private static ConsistencyLevel serialConsistency(String value) throws UsageException {
        ConsistencyLevel cl = consistency(value);
        if (!cl.isSerial()) {
            throw new UsageException("--serial-consistency is SERIAL or LOCAL_SERIAL, not '" + value + "'");
        }
        return cl;
    }

    private static Duration timeout(String value) throws UsageException {
        try {
            long millis = Long.parseLong(value);
            if (millis > 0) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--timeout needs a positive number of milliseconds, not '" + value + "'");
    }
}
